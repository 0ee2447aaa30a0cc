package org.incidentconsole.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.incidentconsole.breaker.Breaker;
import org.incidentconsole.breaker.BreakerPoll;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.breaker.TrackedBreaker;
import org.incidentconsole.health.SeverityAdvisor.Action;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityAdvisorTest {
    private final SeverityAdvisor advisor = new SeverityAdvisor();
    private final Instant now = Instant.parse("2026-11-23T17:00:00Z");

    private LatestCheck state(String kind, HealthStatus status, long forSeconds) {
        CheckResult r = new CheckResult("web-01", kind + "-check", kind, now, status, "v", "d", Duration.ZERO);
        return new LatestCheck(r, now.minusSeconds(forSeconds));
    }

    @ParameterizedTest(name = "{0} {1} for {2}s -> {3} {4}")
    @CsvSource(nullValues = "none", textBlock = """
            http,       CRITICAL, 5,   P1,   ROLLBACK_NOW
            http,       WARN,     5,   P3,   WATCH
            http,       OK,       500, none, NONE
            log-errors, CRITICAL, 150, P1,   ROLLBACK_NOW
            log-errors, CRITICAL, 60,  P2,   INVESTIGATE
            log-errors, WARN,     600, P2,   INVESTIGATE
            pii-scan,   CRITICAL, 1,   P0,   ROLLBACK_NOW
            memory,     CRITICAL, 1,   P0,   ROLLBACK_NOW
            memory,     WARN,     1,   P3,   WATCH
            disk,       CRITICAL, 1,   P0,   INVESTIGATE
            systemd,    CRITICAL, 1,   P1,   INVESTIGATE
            command,    CRITICAL, 1,   P2,   INVESTIGATE
            http,       UNKNOWN,  30,  none, WATCH
            """)
    void each_trigger_of_the_decision_matrix(String kind, HealthStatus status, long seconds, Severity priority,
                                             Action action) {
        var advice = advisor.advise(List.of(state(kind, status, seconds)), List.of(),
                SeverityAdvisor.Thresholds.defaults(), now);
        assertThat(advice.priority()).isEqualTo(priority);
        assertThat(advice.action()).isEqualTo(action);
        if (action != Action.NONE) {
            assertThat(advice.reasons()).singleElement().satisfies(r -> {
                assertThat(r.host()).isEqualTo("web-01");
                assertThat(r.since()).isEqualTo(now.minusSeconds(seconds));
            });
        }
    }

    private BreakerPoll breakerOpen(Duration openFor) {
        Breaker b = new Breaker("calcom", "circuit_breaker:calcom:state", BreakerState.OPEN, "open", 3L, null, null,
                null);
        return new BreakerPoll("redis via web-01", now, List.of(new TrackedBreaker(b, now.minus(openFor), openFor,
                false, List.of())), List.of(), null);
    }

    @Test
    void a_breaker_open_longer_than_the_threshold_is_p1_and_a_rollback_trigger() {
        var stuck = advisor.advise(List.of(), List.of(breakerOpen(Duration.ofMinutes(7))),
                SeverityAdvisor.Thresholds.defaults(), now);
        assertThat(stuck.priority()).isEqualTo(Severity.P1);
        assertThat(stuck.action()).isEqualTo(Action.ROLLBACK_NOW);
        assertThat(stuck.reasons().get(0).text()).contains("calcom stuck open for more than 5 min");
        var young = advisor.advise(List.of(), List.of(breakerOpen(Duration.ofMinutes(3))),
                SeverityAdvisor.Thresholds.defaults(), now);
        assertThat(young.action()).isEqualTo(Action.NONE);
    }

    @Test
    void thresholds_come_from_the_inventory_and_the_worst_reason_leads() {
        var t = SeverityAdvisor.Thresholds.of(Map.of("error_rate_minutes", 10, "breaker_stuck_open_minutes", 10));
        var advice = advisor.advise(List.of(state("log-errors", HealthStatus.CRITICAL, 300),
                        state("pii-scan", HealthStatus.CRITICAL, 5), state("http", HealthStatus.UNKNOWN, 5)),
                List.of(breakerOpen(Duration.ofMinutes(7))), t, now);
        assertThat(advice.priority()).isEqualTo(Severity.P0);
        assertThat(advice.action()).isEqualTo(Action.ROLLBACK_NOW);
        assertThat(advice.reasons()).extracting(SeverityAdvisor.Reason::priority)
                .containsExactly(Severity.P0, Severity.P2, null);
    }
}
