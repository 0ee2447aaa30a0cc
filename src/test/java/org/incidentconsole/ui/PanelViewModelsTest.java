package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.incidentconsole.breaker.Breaker;
import org.incidentconsole.breaker.BreakerPoll;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.breaker.RateLimit;
import org.incidentconsole.breaker.TrackedBreaker;
import org.incidentconsole.health.CheckResult;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.health.SeverityAdvisor;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ui.breakers.BreakerPanelViewModel;
import org.incidentconsole.ui.breakers.BreakerRow;
import org.incidentconsole.ui.health.HealthPanelViewModel;
import org.junit.jupiter.api.Test;

/** The panels' view models, without a toolkit: updates land through the given executor. */
class PanelViewModelsTest {
    private final Instant now = Instant.parse("2026-11-23T17:00:00Z");

    private CheckResult result(String check, HealthStatus status, String value) {
        return new CheckResult("web-01", check, "http", now, status, value, "", Duration.ZERO);
    }

    @Test
    void health_rows_update_in_place_and_the_advice_reads_plainly() {
        HealthPanelViewModel vm = new HealthPanelViewModel(Runnable::run);
        vm.result(result("api", HealthStatus.CRITICAL, "HTTP 500"));
        vm.result(result("disk", HealthStatus.OK, "40% used"));
        vm.result(result("api", HealthStatus.OK, "HTTP 200"));

        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.rows().get(0).statusProperty().get()).isEqualTo(HealthStatus.OK);
        assertThat(vm.rows().get(0).valueProperty().get()).isEqualTo("HTTP 200");

        vm.advice(new SeverityAdvisor.Advice(Severity.P1, SeverityAdvisor.Action.ROLLBACK_NOW,
                List.of(new SeverityAdvisor.Reason(Severity.P1, SeverityAdvisor.Action.ROLLBACK_NOW,
                        "web-01", "api", "HTTP 500", now, "health endpoint failing"))));
        assertThat(vm.adviceProperty().get()).isEqualTo("Suggested P1 · ROLL BACK NOW");
        assertThat(vm.adviceLevelProperty().get()).isEqualTo("ROLLBACK_NOW");
        assertThat(vm.reasonsProperty().get()).startsWith("• health endpoint failing — web-01 api: HTTP 500");
    }

    private BreakerPoll panel(String source, BreakerState state, Duration openFor, boolean stuck) {
        Breaker b = new Breaker("calcom", "circuit_breaker:calcom:state", state, state.value(), 47L, null, null, null);
        return new BreakerPoll(source, now, List.of(new TrackedBreaker(b, openFor == null ? null : now.minus(openFor),
                openFor, stuck, List.of())), List.of(new RateLimit("calcom_api_rate_limit:minute", "118", 45L, null)),
                null);
    }

    @Test
    void breakers_from_several_redis_are_shown_together_and_an_error_keeps_the_last_rows() {
        BreakerPanelViewModel vm = new BreakerPanelViewModel(Runnable::run);
        vm.panel(panel("redis A", BreakerState.OPEN, Duration.ofMinutes(12), true));
        vm.panel(panel("redis B", BreakerState.CLOSED, null, false));

        assertThat(vm.breakers()).extracting(BreakerRow::stateText, BreakerRow::openFor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("open · STUCK", "12 min"),
                        org.assertj.core.groups.Tuple.tuple("closed", "—"));
        assertThat(vm.rateLimits()).containsExactly("calcom_api_rate_limit:minute = 118 (expires in 45 s)",
                "calcom_api_rate_limit:minute = 118 (expires in 45 s)");
        assertThat(vm.summaryProperty().get()).contains("1 breakers · 1 not closed · 1 STUCK OPEN · redis A");

        vm.panel(BreakerPoll.unavailable("redis A", now, "redis A not reachable: Connection refused"));
        assertThat(vm.breakers()).hasSize(2);
        assertThat(vm.summaryProperty().get()).contains("⚠ redis A not reachable");
    }
}
