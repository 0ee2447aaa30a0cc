package org.incidentconsole.redact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scrubs secrets and personal data from captured text before it is stored or shown: each is replaced by
 * {@code [REDACTED:kind]}. The rows of {@link RedactionRules#TABLE} run in order; each scans the text once, in
 * linear time. Redacting redacted text changes nothing. A carriage return counts as a line break. Thread-safe.
 */
public final class Redactor {
    static final String MARK = "[REDACTED:";

    private final List<RedactionRules.Row> rules;

    public Redactor() {
        this(RedactionRules.TABLE);
    }

    public Redactor(List<RedactionRules.Row> rules) {
        this.rules = List.copyOf(rules);
    }

    public Redaction redact(String text) {
        if (text == null || text.isEmpty()) {
            return new Redaction(text == null ? "" : text, Map.of());
        }
        Map<String, Integer> counts = new HashMap<>();
        String current = text;
        String lower = current.toLowerCase(Locale.ROOT);
        List<Rule.Span> spans = new ArrayList<>();
        for (RedactionRules.Row row : rules) {
            if (!row.rule().mayMatch(current, lower)) {
                continue;
            }
            spans.clear();
            row.rule().find(current, spans);
            if (!spans.isEmpty()) {
                current = apply(current, spans, counts);
                lower = current.toLowerCase(Locale.ROOT);
            }
        }
        return new Redaction(current, counts);
    }

    /** The redacted text only; null stays null (a deleted value is not an empty one). */
    public String scrub(String text) {
        return text == null ? null : redact(text).text();
    }

    private static String apply(String text, List<Rule.Span> spans, Map<String, Integer> counts) {
        spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Rule.Span s : spans) {
            if (s.start() < at || s.end() <= s.start() || text.startsWith(MARK, s.start())) {
                continue;
            }
            out.append(text, at, s.start()).append(MARK).append(s.kind()).append(']');
            counts.merge(s.kind(), 1, Integer::sum);
            at = s.end();
        }
        return at == 0 && out.length() == 0 ? text : out.append(text, at, text.length()).toString();
    }
}
