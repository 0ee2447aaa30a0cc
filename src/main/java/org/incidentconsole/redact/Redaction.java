package org.incidentconsole.redact;

import java.util.Map;
import java.util.TreeMap;

/** Redacted text and how many secrets of each kind were replaced. */
public record Redaction(String text, Map<String, Integer> counts) {
    public Redaction {
        counts = Map.copyOf(new TreeMap<>(counts));
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
