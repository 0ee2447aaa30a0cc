package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.incidentconsole.breaker.ActionResult;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.health.HealthTransition;
import org.incidentconsole.redact.Redactor;
import org.junit.jupiter.api.Test;

class PanelEventsTest {
    private final PanelEvents events = new PanelEvents(new Redactor());

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
}
