package org.incidentconsole.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code NAME=value}, {@code NAME: value}, {@code "NAME": "value"}, {@code ?name=value&}, {@code export NAME='a b'}
 * where {@link SecretName} says the name holds a secret. The regular expression finds only a bounded name and its
 * separator; the value is scanned by hand (a quoted string to its closing quote, else one word), so a rejected
 * name costs constant time and an accepted value is passed over once.
 */
final class AssignmentRule implements Rule {
    private static final Pattern NAME = Pattern.compile(
            "(?<![A-Za-z0-9_.\\-])(?<q>[\"']?)(?<name>[A-Za-z_][A-Za-z0-9_.\\-]{0,62}+)\\k<q>[ \\t]{0,16}+(?:=>|[:=])");
    private static final int MAX_GAP = 64;

    @Override
    public void find(String text, List<Span> out) {
        Matcher m = NAME.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            from = m.end();
            String name = m.group("name");
            if (name.length() < 3 || !SecretName.isSecret(name)) {
                continue;
            }
            boolean quotedName = !m.group("q").isEmpty();
            if (!quotedName && text.charAt(m.end() - 1) == ':' && (m.end() == text.length()
                    || text.charAt(m.end()) != ' ' && text.charAt(m.end()) != '\t')) {
                continue; // name:value glued (pkg:amd64, auth:session:42) is a key or a label, not YAML or a header
            }
            boolean query = m.start() > 0 && (text.charAt(m.start() - 1) == '?' || text.charAt(m.start() - 1) == '&');
            int start = valueStart(text, m.end(), quotedName);
            int end = valueEnd(text, start, query, quotedName);
            if (end > start && !text.startsWith(Redactor.MARK, start) && !opensStructure(text, start)
                    && (SecretName.isPassword(name) || !isSmallNumber(text, start, end))) {
                out.add(new Span(start, end, SecretName.isPassword(name) ? "password" : "secret"));
                from = end;
            }
        }
    }

    /** {@code hex-key=0}, {@code tokens: 12}: a count of keys or tokens, not one; a key or token is never 1–3 digits. */
    static boolean isSmallNumber(String text, int start, int end) {
        String v = text.substring(start, end).replace("\"", "").replace("'", "");
        return !v.isEmpty() && v.length() <= 3 && v.chars().allMatch(Character::isDigit);
    }

    /** {@code "auth": {…}} or {@code "tokens": […]}: the secrets inside are found by their own names. */
    static boolean opensStructure(String text, int at) {
        return text.charAt(at) == '{' || text.charAt(at) == '[';
    }

    /** Skips blanks after the separator; a JSON key ({@code "token":}) may have its value on the next line. */
    static int valueStart(String text, int at, boolean mayCrossLines) {
        int i = at;
        int limit = Math.min(text.length(), at + MAX_GAP);
        while (i < limit) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || mayCrossLines && (c == '\n' || c == '\r')) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** The end of one value: a quoted string with its quotes, or a word. */
    static int valueEnd(String text, int start, boolean query, boolean json) {
        if (start >= text.length()) {
            return start;
        }
        char open = text.charAt(start);
        if (open == '"' || open == '\'') {
            int i = start + 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\\' && open == '"' && i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i += 2;
                } else if (c == open) {
                    return i + 1;
                } else if (c == '\n' || c == '\r') {
                    return i;
                } else {
                    i++;
                }
            }
            return text.length();
        }
        int i = start;
        while (i < text.length() && !endsWord(text.charAt(i), query, json)) {
            i++;
        }
        return i;
    }

    private static boolean endsWord(char c, boolean query, boolean json) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || query && (c == '&' || c == '#' || c == '<'
                || c == '>') || json && (c == ',' || c == '}' || c == ']');
    }
}
