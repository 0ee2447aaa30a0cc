package org.incidentconsole.report;

/** A breaker key's value before and after an action: a missing value says what it means. */
final class BreakerValues {
    private BreakerValues() {
    }

    static String before(String value) {
        return value == null || value.isEmpty() ? "absent" : Markdown.inline(value);
    }

    static String after(String value) {
        return value == null || value.isEmpty() ? "deleted" : Markdown.inline(value);
    }
}
