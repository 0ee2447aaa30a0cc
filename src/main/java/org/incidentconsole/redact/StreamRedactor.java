package org.incidentconsole.redact;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Redacts output line by line as it streams, remembering what spans lines: a private-key block (PEM, PGP, the
 * private half of a PuTTY key) and a JSON key such as {@code "password":} whose value is on the next line. A
 * carriage return inside a line is a line break here too, so it cannot hide a secret. One instance per stream;
 * not thread-safe.
 */
public final class StreamRedactor {
    private static final String REDACTED_KEY = Redactor.MARK + "private-key]";

    private final Redactor redactor;
    private final Map<String, Integer> counts = new TreeMap<>();
    private boolean insideKey;
    private boolean insidePutty;
    private String pendingValueKind;

    public StreamRedactor(Redactor redactor) {
        this.redactor = redactor;
    }

    public String line(String line) {
        if (line.indexOf('\r') < 0) {
            return piece(line);
        }
        String[] pieces = line.split("\r", -1);
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < pieces.length; i++) {
            out.append(i == 0 ? "" : "\r").append(piece(pieces[i]));
        }
        return out.toString();
    }

    private String piece(String line) {
        if (insideKey) {
            Matcher end = KeyBlockRule.END.matcher(line);
            if (!end.find()) {
                return REDACTED_KEY;
            }
            insideKey = false;
            String rest = line.substring(end.end());
            return REDACTED_KEY + (rest.isEmpty() ? "" : scrub(rest));
        }
        if (insidePutty) {
            insidePutty = !KeyBlockRule.PUTTY_END.matcher(line).lookingAt();
            return REDACTED_KEY;
        }
        Matcher begin = KeyBlockRule.BEGIN.matcher(line);
        if (begin.find() && !KeyBlockRule.END.matcher(line).region(begin.end(), line.length()).find()) {
            insideKey = true;
            counts.merge("private-key", 1, Integer::sum);
            return scrub(line.substring(0, begin.start())) + REDACTED_KEY;
        }
        if (line.startsWith(KeyBlockRule.PUTTY_BEGIN)) {
            insidePutty = true;
            counts.merge("private-key", 1, Integer::sum);
            return REDACTED_KEY;
        }
        String head = "";
        String rest = line;
        if (pendingValueKind != null) {
            int start = AssignmentRule.valueStart(line, 0, false);
            int end = AssignmentRule.valueEnd(line, start, false, true);
            if (end > start && !line.startsWith(Redactor.MARK, start) && !AssignmentRule.opensStructure(line, start)) {
                head = line.substring(0, start) + Redactor.MARK + pendingValueKind + "]";
                counts.merge(pendingValueKind, 1, Integer::sum);
                rest = line.substring(end);
            }
            pendingValueKind = end > start || !line.isBlank() ? null : pendingValueKind;
        }
        pendingValueKind = pendingValueKind != null ? pendingValueKind : secretKeyAtEnd(line);
        return head + scrub(rest);
    }

    /** A line ending in {@code "password":} (pretty-printed JSON): the value comes on the next line. */
    static String secretKeyAtEnd(String line) {
        int i = line.length() - 1;
        while (i >= 0 && Character.isWhitespace(line.charAt(i))) {
            i--;
        }
        if (i < 2 || line.charAt(i) != ':') {
            return null;
        }
        i--;
        while (i >= 0 && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i--;
        }
        if (i < 1 || line.charAt(i) != '"' && line.charAt(i) != '\'') {
            return null;
        }
        int close = i;
        int open = line.lastIndexOf(line.charAt(close), close - 1);
        if (open < 0 || close - open > 64) {
            return null;
        }
        String name = line.substring(open + 1, close);
        if (!SecretName.isSecret(name)) {
            return null;
        }
        return SecretName.isPassword(name) ? "password" : "secret";
    }

    private String scrub(String text) {
        Redaction r = redactor.redact(text);
        r.counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
        return r.text();
    }

    public Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }
}
