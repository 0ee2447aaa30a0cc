package org.incidentconsole.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentEvent.HealthSample;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;

/** The report's trend charts, from health-sample and breaker-transition events only. */
class ReportTrendsTest {
    private static final String STEP = "Roll back › Step 2: Switch to the stable release";

    @Test
    void samples_become_one_mermaid_chart_per_check_with_a_line_per_host_and_the_rollback_column_marked() {
        String md = new ReportRenderer().render(recovery());
        assertThat(md).contains("## Trends\n").contains("one column per 30 s");
        assertThat(md).contains("""
                ```mermaid
                xychart-beta
                    title "error-rate (%)"
                    x-axis ["10:00:00", "10:00:30", "10:01:00", "10:01:30", "10:02:00", "10:02:30 ⟲", "10:03:00", "10:03:30", "10:04:00"]
                    y-axis "%" 0 --> 100
                    line [100, 100, 53.3, 53.3, 53.3, 13.3, 0, 0, 0]
                    line [90, 90, 90, 90, 90, 40, 0, 0, 0]
                ```
                """);
        assertThat(md).contains("Lines in order: web-01, web-02. Steps ran at 10:02:00.");
        assertThat(md).contains("title \"api-health (ms)\"").contains("line [2000, 2000, 2000, 2000, 2000, 120, 40, 40, 40]");
    }

    @Test
    void breaker_transitions_give_a_state_band_and_a_failure_count_chart() {
        String md = new ReportRenderer().render(recovery());
        assertThat(md).contains("title \"Breaker state (0 closed, 1 half-open, 2 open)\"")
                .contains("y-axis \"state\" 0 --> 2\n    line [2, 2, 2, 2, 2, 1, 0, 0, 0]")
                .contains("title \"Breaker failures\"").contains("line [12, 12, 12, 12, 12, 12, 0, 0, 0]");
    }

    @Test
    void before_its_first_transition_a_breaker_is_drawn_in_the_state_it_came_from() {
        List<JournalRecord> r = new ArrayList<>();
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        r.add(record(r, t, started()));
        r.add(record(r, t.plusSeconds(1), sample("web-01", "error-rate", 0, "%")));
        r.add(record(r, t.plusSeconds(3), new IncidentEvent.BreakerTransition("redis", "maps", "k1", null, "OPEN",
                3L, null)));
        r.add(record(r, t.plusSeconds(3), new IncidentEvent.BreakerTransition("redis", "stripe", "k2", "CLOSED",
                "HALF_OPEN", 1L, null)));
        String md = new ReportRenderer().render(r);
        assertThat(md).contains("y-axis \"state\" 0 --> 2\n    line [2, 2, 2]\n    line [0, 0, 1]")
                .contains("Lines in order: maps, stripe.");
    }

    @Test
    void a_journal_without_samples_or_breaker_changes_has_no_trends_section() {
        String md = new ReportRenderer().render(IncidentFixture.rollback());
        assertThat(md).doesNotContain("## Trends").doesNotContain("xychart-beta");
    }

    @Test
    void samples_stay_out_of_the_timeline_and_the_report_is_the_same_for_the_same_journal() {
        List<JournalRecord> journal = recovery();
        String md = new ReportRenderer().render(journal);
        String timeline = md.substring(md.indexOf("## Timeline"), md.indexOf("## Commands run"));
        assertThat(timeline).doesNotContain("53").contains("Rollback complete");
        assertThat(new ReportRenderer().render(journal)).isEqualTo(md);
    }

    @Test
    void a_long_incident_keeps_at_most_the_column_limit() {
        List<JournalRecord> records = new ArrayList<>();
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        records.add(record(records, t, started()));
        for (int i = 0; i < 600; i++) { // ten hours, one sample a minute
            records.add(record(records, t.plusSeconds(60L * i), new HealthSample("web-01", "disk", "disk", i % 100,
                    "%", "OK")));
        }
        String md = new ReportRenderer().render(records);
        String axis = md.lines().filter(l -> l.contains("x-axis")).findFirst().orElseThrow();
        assertThat(axis.split(",")).hasSizeLessThanOrEqualTo(TrendColumns.MAX);
        assertThat(md).contains("one column per 30 min");
    }

    /** Errors fall 100 → 53 → 13 → 0 % on web-01 around a rollback at 10:02:30, the breaker closes again. */
    private static List<JournalRecord> recovery() {
        List<JournalRecord> r = new ArrayList<>();
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        r.add(record(r, t, started()));
        r.add(record(r, t.plusSeconds(1), sample("web-01", "error-rate", 100, "%")));
        r.add(record(r, t.plusSeconds(1), sample("web-02", "error-rate", 90, "%")));
        r.add(record(r, t.plusSeconds(2), sample("web-01", "api-health", 2000, "ms")));
        r.add(record(r, t.plusSeconds(3), new IncidentEvent.BreakerTransition("redis", "payments",
                "circuit_breaker:payments:state", null, "OPEN", 12L, null)));
        r.add(record(r, t.plusSeconds(70), sample("web-01", "error-rate", 53.3, "%")));
        r.add(record(r, t.plusSeconds(140), new IncidentEvent.StepStarted(STEP, "web-01", "git checkout v1")));
        r.add(record(r, t.plusSeconds(150), new IncidentEvent.Milestone("ROLLED_BACK", STEP + " → v1")));
        r.add(record(r, t.plusSeconds(151), new IncidentEvent.BreakerTransition("redis", "payments",
                "circuit_breaker:payments:state", "OPEN", "HALF_OPEN", 12L, null)));
        r.add(record(r, t.plusSeconds(160), sample("web-01", "error-rate", 13.3, "%")));
        r.add(record(r, t.plusSeconds(161), sample("web-02", "error-rate", 40, "%")));
        r.add(record(r, t.plusSeconds(162), sample("web-01", "api-health", 120, "ms")));
        r.add(record(r, t.plusSeconds(185), new IncidentEvent.BreakerTransition("redis", "payments",
                "circuit_breaker:payments:state", "HALF_OPEN", "CLOSED", 0L, null)));
        r.add(record(r, t.plusSeconds(190), sample("web-01", "error-rate", 0, "%")));
        r.add(record(r, t.plusSeconds(191), sample("web-02", "error-rate", 0, "%")));
        r.add(record(r, t.plusSeconds(192), sample("web-01", "api-health", 40, "ms")));
        r.add(record(r, t.plusSeconds(250), new IncidentEvent.Resolved("rolled back to v1", "jane")));
        return r;
    }

    private static HealthSample sample(String host, String check, double value, String unit) {
        return new HealthSample(host, check, unit.equals("ms") ? "http" : "log-errors", value, unit,
                value > 10 && unit.equals("%") ? "CRITICAL" : "OK");
    }

    private static IncidentEvent.Started started() {
        return new IncidentEvent.Started("INC-1", "errors after deploy", "alert", Severity.P1, "production", "jane",
                "rollback.md", "UTC");
    }

    private static JournalRecord record(List<JournalRecord> before, Instant at, IncidentEvent e) {
        return new JournalRecord(before.size() + 1, at, JournalRecord.SCHEMA_VERSION, e);
    }
}
