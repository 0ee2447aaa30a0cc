package org.incidentconsole.redact;

import java.util.List;

/**
 * One row of the redaction table: finds the spans of a text to replace by {@code [REDACTED:kind]}. Spans are
 * reported in order and do not overlap. A rule must run in time linear in the text: no unbounded backtracking.
 */
public interface Rule {
    /** A part of the text to hide, and the kind it is reported as. */
    record Span(int start, int end, String kind) {
    }

    void find(String text, List<Span> out);

    /** A cheap pre-check: false when the text cannot hold a match (a required word is absent); the scan is skipped. */
    default boolean mayMatch(String text, String lowerCase) {
        return true;
    }
}
