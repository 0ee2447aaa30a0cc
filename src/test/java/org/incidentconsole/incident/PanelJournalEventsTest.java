package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.incidentconsole.breaker.ActionResult;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.health.HealthTransition;
import org.incidentconsole.redact.Redactor;
import org.junit.jupiter.api.Test;

class PanelJournalEventsTest {
    private final PanelJournalEvents events = new PanelJournalEvents(new Redactor());

    @Test
    void a_health_transition_becomes_a_journal_event_with_its_value_redacted() {
        var e = events.of(new HealthTransition("web-01", "pii", HealthStatus.OK, HealthStatus.CRITICAL,
                "seen jane@example.com", Instant.now()));
        assertThat(e).isEqualTo(new IncidentEvent.HealthTransition("web-01", "pii", "OK", "CRITICAL",
                "seen [REDACTED:email]"));
        assertThat(events.of(new HealthTransition("web-01", "api", null, HealthStatus.OK, "HTTP 200", Instant.now()))
                .from()).isNull();
    }

    @Test
    void a_breaker_action_becomes_one_event_per_key_with_before_after_and_failures() {
        var result = new ActionResult("reset calcom", List.of(
                new ActionResult.KeyChange("circuit_breaker:calcom:state", "open", "closed", null),
                new ActionResult.KeyChange("circuit_breaker:calcom:failures", "9", null, "READONLY replica")));
        assertThat(events.of(result)).containsExactly(
                new IncidentEvent.BreakerAction("reset calcom", "circuit_breaker:calcom:state", "open", "closed", "ok"),
                new IncidentEvent.BreakerAction("reset calcom", "circuit_breaker:calcom:failures", "9", null,
                        "failed: READONLY replica"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "step-started|{\"step\":\"1\",\"host\":\"web-01\",\"command\":\"echo hi\"}",
            "health-transition|{\"host\":\"web-01\",\"check\":\"api\",\"from\":\"OK\",\"to\":\"CRITICAL\","
                    + "\"value\":\"500\"}"})
    void a_line_journaled_before_issue_15_still_reads_with_the_new_fields_empty(String type, String data)
            throws Exception {
        JournalRecord r = JournalCodec.parse("{\"seq\":3,\"ts\":\"2026-01-01T00:00:00Z\",\"v\":1,\"type\":\"" + type
                + "\",\"data\":" + data + "}");
        if (r.data() instanceof IncidentEvent.StepStarted s) {
            assertThat(s).isEqualTo(new IncidentEvent.StepStarted("1", "web-01", "echo hi", null));
        } else {
            assertThat(r.data()).isEqualTo(new IncidentEvent.HealthTransition("web-01", "api", "OK", "CRITICAL", "500",
                    null));
        }
    }

    @Test
    void the_new_panel_events_survive_a_round_trip_through_the_journal_codec() throws Exception {
        List<IncidentEvent> events = List.of(
                new IncidentEvent.StepStarted("1", "web-01", "git checkout abc1234", Map.of("stable_ref",
                        "abc1234")),
                new IncidentEvent.HealthTransition("web-01", "api", "CRITICAL", "OK", "200", 4),
                new IncidentEvent.BreakerTransition("127.0.0.1:6379", "calcom", "circuit_breaker:calcom:state", "OPEN",
                        "CLOSED", 47L, null),
                new IncidentEvent.ConnectionChanged("web-01", "lost", "connection reset", 2),
                new IncidentEvent.CommsCopied("initial", "We are investigating.", "jana"));
        for (IncidentEvent e : events) {
            String line = JournalCodec.line(new JournalRecord(1, Instant.parse("2026-01-01T00:00:00Z"),
                    JournalRecord.SCHEMA_VERSION, e));
            assertThat(JournalCodec.parse(line).data()).as(line).isEqualTo(e);
        }
    }
}
