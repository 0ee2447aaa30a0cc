package org.incidentconsole.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentconsole.health.SeverityAdvisor.Action;
import org.incidentconsole.health.SeverityAdvisor.Advice;
import org.incidentconsole.health.SeverityAdvisor.Reason;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The advisor's reading over successive polls, without a toolkit: one character per poll. */
class SteadyAdviceTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private static Reason reason(Severity p, Action a, String check) {
        return new Reason(p, a, "web-01", check, "v", T0, check + " failing");
    }

    private static Advice raw(Reason... reasons) {
        return new Advice(null, Action.NONE, List.of(reasons));
    }

    /**
     * {@code polls}: R = the reason is read this poll, . = it is not; {@code shown}: the action shown after each
     * poll (N none, R roll back now).
     */
    @ParameterizedTest(name = "raise {0} clear {1}: {2} -> {3}")
    @CsvSource(textBlock = """
            2, 3, R.R.R.R.R.,  NNNNNNNNNN
            2, 3, RR........,  NRRRNNNNNN
            2, 3, RRR.R..R...,  NRRRRRRRRRN
            1, 1, R.R.,        RNRN
            3, 2, RRRRR..RRR,  NNRRRRNNNR
            """)
    void a_reason_is_shown_after_it_holds_and_dropped_after_it_clears(int raise, int clear, String polls,
                                                                       String shown) {
        SteadyAdvice steady = new SteadyAdvice(new SteadyAdvice.Settings(raise, clear, Duration.ofMinutes(10)));
        Reason r = reason(Severity.P0, Action.ROLLBACK_NOW, "pii");
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < polls.length(); i++) {
            Instant round = T0.plusSeconds(5L * i);
            Advice a = steady.next(polls.charAt(i) == 'R' ? raw(r) : raw(), round, false, round);
            seen.append(a.action() == Action.ROLLBACK_NOW ? 'R' : 'N');
        }
        assertThat(seen.toString()).isEqualTo(shown);
    }

    @Test
    void the_same_poll_read_twice_counts_once() {
        SteadyAdvice steady = new SteadyAdvice(SteadyAdvice.Settings.defaults());
        Reason r = reason(Severity.P1, Action.ROLLBACK_NOW, "api");
        for (int tick = 0; tick < 5; tick++) {
            assertThat(steady.next(raw(r), T0, false, T0.plusSeconds(2L * tick)).action()).isEqualTo(Action.NONE);
        }
        assertThat(steady.next(raw(r), T0.plusSeconds(5), false, T0.plusSeconds(10)).action())
                .isEqualTo(Action.ROLLBACK_NOW);
    }

    @ParameterizedTest(name = "{0} min after the rollback -> {1}")
    @CsvSource({"0, WATCHING_ROLLBACK", "9, WATCHING_ROLLBACK", "11, INVESTIGATE"})
    void after_the_rollback_milestone_roll_back_now_reads_watching_then_investigate(long minutes, Action expected) {
        SteadyAdvice steady = new SteadyAdvice(new SteadyAdvice.Settings(1, 1, Duration.ofMinutes(10)));
        Reason r = reason(Severity.P1, Action.ROLLBACK_NOW, "api-health");
        assertThat(steady.next(raw(r), T0, false, T0).action()).isEqualTo(Action.ROLLBACK_NOW);
        steady.next(raw(r), T0.plusSeconds(5), true, T0.plusSeconds(5));
        Instant later = T0.plusSeconds(5).plus(Duration.ofMinutes(minutes));
        Advice a = steady.next(raw(r), later, true, later);
        assertThat(a.action()).isEqualTo(expected);
        assertThat(a.priority()).isEqualTo(Severity.P1);
        assertThat(a.reasons()).singleElement().satisfies(x -> assertThat(x.text()).contains("api-health failing"));
    }

    @Test
    void connecting_is_shown_at_once() {
        SteadyAdvice steady = new SteadyAdvice(SteadyAdvice.Settings.defaults());
        assertThat(steady.next(raw(reason(null, Action.CONNECTING, "api")), T0, false, T0).action())
                .isEqualTo(Action.CONNECTING);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                     | 2 | 3 | 600
            {raise_after_polls: 4, clear_after_polls: 6}           | 4 | 6 | 600
            {raise_after_polls: 0, rollback_recovery_minutes: 2.5} | 1 | 3 | 150
            """)
    void the_inventory_thresholds_set_the_counts(String yaml, int raise, int clear, long recoverySeconds)
            throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> thresholds = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readValue(yaml, Map.class);
        assertThat(SteadyAdvice.Settings.of(thresholds)).isEqualTo(new SteadyAdvice.Settings(raise, clear,
                Duration.ofSeconds(recoverySeconds)));
    }

    @ParameterizedTest(name = "{0} of {1} hosts reachable -> {2}")
    @CsvSource({"0, 2, true", "1, 2, false", "1, 3, true", "2, 3, false", "0, 1, true", "3, 3, false"})
    void production_cannot_be_seen_when_fewer_than_half_the_hosts_answer(int reachable, int hosts, boolean blind) {
        List<LatestCheck> checks = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            boolean up = h < reachable;
            CheckResult r = up ? new CheckResult("web-0" + h, "api", "http", T0, HealthStatus.OK, "HTTP 200", "",
                    Duration.ZERO) : CheckResult.unanswered("web-0" + h, "api", "http", T0, Reachability.UNREACHABLE,
                    "connection refused", Duration.ZERO);
            checks.add(new LatestCheck(r, T0));
        }
        Advice a = new SeverityAdvisor().advise(checks, List.of(), SeverityAdvisor.Thresholds.defaults(), T0);
        assertThat(a.action() == Action.CANNOT_SEE).isEqualTo(blind);
        if (blind) {
            assertThat(a.reasons()).anySatisfy(x -> assertThat(x.value())
                    .isEqualTo(reachable + " of " + hosts + " hosts reachable"));
        }
    }

    @Test
    void a_check_waiting_for_its_host_to_connect_reads_connecting_not_cannot_tell() {
        CheckResult r = CheckResult.unanswered("web-01", "api", "http", T0, Reachability.CONNECTING, "",
                Duration.ZERO);
        Advice a = new SeverityAdvisor().advise(List.of(new LatestCheck(r, T0)), List.of(),
                SeverityAdvisor.Thresholds.defaults(), T0);
        assertThat(a.action()).isEqualTo(Action.CONNECTING);
    }
}
