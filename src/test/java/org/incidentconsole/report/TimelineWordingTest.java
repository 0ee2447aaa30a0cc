package org.incidentconsole.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.incidentconsole.incident.IncidentEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The report's timeline line as the window shows it: the same words, markdown taken off. */
class TimelineWordingTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "Note by jane: a \\*b\\* \\_c\\_ \\#1 \\[x\\]"  | "Note by jane: a *b* _c_ #1 [x]"
            "Step OK on `web-01` (exit 0, 5 ms): deploy"      | "Step OK on web-01 (exit 0, 5 ms): deploy"
            "Set `` a`b `` = `c\\d`"                          | "Set a`b = c\\d"
            "a back\\\\slash and a lone ` tick"               | "a back\\slash and a lone ` tick"
            "no markup at all"                                | "no markup at all"
            """)
    void markdown_escapes_and_code_spans_become_plain_text(String markdown, String plain) {
        assertThat(TimelineWording.plain(markdown)).isEqualTo(plain);
    }

    @Test
    void the_window_line_is_the_report_line_without_its_markup() {
        IncidentEvent e = new IncidentEvent.StepStarted("2. Deploy `v41`", "web-01", "git checkout v41");
        assertThat(TimelineText.of(e)).isEqualTo("Step started on `web-01`: 2. Deploy \\`v41\\`");
        assertThat(TimelineWording.what(e)).isEqualTo("Step started on web-01: 2. Deploy `v41`");
    }

    @Test
    void times_are_the_reports_utc_with_the_local_time_beside_when_it_differs() {
        Instant at = Instant.parse("2026-11-24T14:02:07Z");
        assertThat(TimelineWording.time(at, "UTC")).isEqualTo("14:02:07 UTC");
        assertThat(TimelineWording.time(at, "Europe/Paris")).isEqualTo("14:02:07 UTC (15:02:07 +01:00)");
        assertThat(TimelineWording.utcClock(at)).isEqualTo("14:02:07");
    }
}
