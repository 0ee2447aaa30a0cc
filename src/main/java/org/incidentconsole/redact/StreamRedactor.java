package org.incidentconsole.redact;

import java.util.Map;
import java.util.TreeMap;

/**
 * Redacts output line by line as it streams, remembering when it is inside a private-key block that spans
 * lines. One instance per stream; not thread-safe.
 */
public final class StreamRedactor {
    private final Redactor redactor;
    private final Map<String, Integer> counts = new TreeMap<>();
    private boolean insideKey;

    public StreamRedactor(Redactor redactor) {
        this.redactor = redactor;
    }

    public String line(String line) {
        if (insideKey) {
            if (line.contains("-----END") && line.contains("PRIVATE KEY-----")) {
                insideKey = false;
            }
            return "[REDACTED:private-key]";
        }
        if (line.contains("-----BEGIN") && line.contains("PRIVATE KEY-----")
                && !(line.contains("-----END") && line.lastIndexOf("-----END") > line.indexOf("-----BEGIN"))) {
            insideKey = true;
            counts.merge("private-key", 1, Integer::sum);
            return line.substring(0, line.indexOf("-----BEGIN")) + "[REDACTED:private-key]";
        }
        Redaction r = redactor.redact(line);
        r.counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
        return r.text();
    }

    public Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }
}
