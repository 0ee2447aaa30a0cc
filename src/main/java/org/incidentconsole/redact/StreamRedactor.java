package org.incidentconsole.redact;

import java.util.Map;
import java.util.TreeMap;

/**
 * Redacts output line by line as it streams, remembering when it is inside a private-key block that spans
 * lines. One instance per stream; not thread-safe.
 */
public final class StreamRedactor {
    private static final String BEGIN = "-----BEGIN";
    private static final String END = "-----END";
    private static final String REDACTED_KEY = "[REDACTED:private-key]";

    private final Redactor redactor;
    private final Map<String, Integer> counts = new TreeMap<>();
    private boolean insideKey;

    public StreamRedactor(Redactor redactor) {
        this.redactor = redactor;
    }

    public String line(String line) {
        if (insideKey) {
            int end = line.indexOf(END);
            if (end < 0) {
                return REDACTED_KEY;
            }
            insideKey = false;
            int after = line.indexOf("-----", end + END.length());
            String rest = after < 0 ? "" : line.substring(after + 5);
            return REDACTED_KEY + (rest.isEmpty() ? "" : scrub(rest));
        }
        int begin = line.indexOf(BEGIN);
        if (begin >= 0 && line.indexOf("PRIVATE KEY-----", begin) > 0 && line.indexOf(END, begin) < 0) {
            insideKey = true;
            counts.merge("private-key", 1, Integer::sum);
            return scrub(line.substring(0, begin)) + REDACTED_KEY;
        }
        return scrub(line);
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
