package org.incidentconsole.redact;

import java.util.List;

/**
 * A random-looking token with no telling name around it. The rule, so that commit hashes, digests, UUIDs and URL
 * paths stay readable: a run of the base64/base64url alphabet of at least 32 characters that
 * <ul>
 *   <li>mixes upper case, lower case and digits (pure hex — git hashes, sha256sum output, UUIDs — never does),</li>
 *   <li>changes character class often, as random text does (at least one change in four characters; camelCase
 *       identifiers and words change about once in six),</li>
 *   <li>does not name a file (followed by an extension: {@code SetLoopbackModeIPv4.java}),</li>
 *   <li>and is not part of a URL (the word it is in has no {@code ://}), a path or an identifier: when it holds
 *       {@code / _ -}, one of the pieces between them must itself look random (8+ characters, both cases, as
 *       changing) — {@code D-TRUST_Root_Class_3_CA_2_EV_2009} has none.</li>
 * </ul>
 * OpenSSH public keys after their type word are public. Hex secrets are caught by their name instead
 * ({@code api_key=<hex>}), never by their look.
 */
final class HighEntropyRule implements Rule {
    static final int MIN_LENGTH = 32;

    @Override
    public void find(String text, List<Span> out) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isTokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isTokenChar(text.charAt(i))) {
                i++;
            }
            if (i - start >= MIN_LENGTH && looksRandom(text, start, i) && !inPathOrUrl(text, start, i)
                    && !isPublicKey(text, start) && !hasExtension(text, i)) {
                out.add(new Span(start, i, "api-key"));
            }
        }
    }

    /**
     * An OpenSSH public key ({@code ssh-ed25519 AAAAC3…}, {@code ecdsa-sha2-nistp256 AAAAE2…}) or a key fingerprint
     * ({@code SHA256:…}) is public, and the operator needs to read it.
     */
    private static boolean isPublicKey(String text, int start) {
        if (text.startsWith("SHA256:", start - 7) || text.startsWith("SHA512:", start - 7)) {
            return true;
        }
        if (!text.startsWith("AAAA", start)) {
            return false;
        }
        int end = start - 1;
        while (end > 0 && text.charAt(end) == ' ') {
            end--;
        }
        int from = end;
        while (from > 0 && from > start - 64 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        String type = text.substring(from, end + 1);
        return type.startsWith("ssh-") || type.startsWith("ecdsa-") || type.startsWith("sk-");
    }

    /** {@code .java}, {@code .pem}, {@code .tar}: one to five lower-case letters after a dot, then a boundary. */
    private static boolean hasExtension(String text, int end) {
        if (end >= text.length() || text.charAt(end) != '.') {
            return false;
        }
        int i = end + 1;
        while (i < text.length() && i - end <= 6 && Character.isLowerCase(text.charAt(i))) {
            i++;
        }
        int letters = i - end - 1;
        return letters >= 1 && letters <= 5 && (i == text.length() || !Character.isLetterOrDigit(text.charAt(i)));
    }

    static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                || c == '=' || c == '_' || c == '-';
    }

    private static int cls(char c) {
        return Character.isUpperCase(c) ? 1 : Character.isLowerCase(c) ? 2 : Character.isDigit(c) ? 3 : 0;
    }

    static boolean looksRandom(String text, int start, int end) {
        return mixesClasses(text, start, end, true);
    }

    /**
     * Upper and lower case (and digits, when {@code digits}) all present, and the character class changes at
     * least once every four letters or digits, as in random text.
     */
    private static boolean mixesClasses(String text, int start, int end, boolean digits) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        int changes = 0;
        int letters = 0;
        int prev = -1;
        for (int i = start; i < end; i++) {
            int c = cls(text.charAt(i));
            upper |= c == 1;
            lower |= c == 2;
            digit |= c == 3;
            if (c != 0) {
                letters++;
                changes += prev > 0 && prev != c ? 1 : 0;
                prev = c;
            }
        }
        return upper && lower && (digit || !digits) && changes * 4 >= letters;
    }

    private static boolean inPathOrUrl(String text, int start, int end) {
        if (isUrlWord(text, start)) {
            return true;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '_' || c == '-') {
                return !randomSegment(text, start, end);
            }
        }
        return false;
    }

    /** The whitespace-delimited word holding the token contains "://" before it (bounded look back). */
    private static boolean isUrlWord(String text, int start) {
        for (int i = start - 1; i >= Math.max(0, start - 2048); i--) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '\'') {
                return false;
            }
            if (c == '/' && i >= 2 && text.charAt(i - 1) == '/' && text.charAt(i - 2) == ':') {
                return true;
            }
        }
        return false;
    }

    /** A path segment of 8+ characters that mixes cases and changes class as often as random text does. */
    private static boolean randomSegment(String text, int start, int end) {
        int s = start;
        for (int i = start; i <= end; i++) {
            if (i == end || text.charAt(i) == '/' || text.charAt(i) == '_' || text.charAt(i) == '-') {
                if (i - s >= 8 && mixesClasses(text, s, i, false)) {
                    return true;
                }
                s = i + 1;
            }
        }
        return false;
    }
}
