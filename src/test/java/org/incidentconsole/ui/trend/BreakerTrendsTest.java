package org.incidentconsole.ui.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.incidentconsole.breaker.Breaker;
import org.incidentconsole.breaker.BreakerPoll;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.breaker.TrackedBreaker;
import org.junit.jupiter.api.Test;

/** Each breaker's state level and failures per poll; breakers and sources that go away are forgotten. */
class BreakerTrendsTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void a_breaker_recovering_gives_levels_two_one_zero_and_its_failures_drop_to_none() {
        BreakerTrends trends = new BreakerTrends();
        trends.poll(panel(0, "payments", BreakerState.OPEN, 12L), Set.of("redis"));
        trends.poll(panel(10, "payments", BreakerState.HALF_OPEN, 12L), Set.of("redis"));
        trends.poll(panel(20, "payments", BreakerState.CLOSED, null), Set.of("redis"));
        var t = trends.of("redis", "payments");
        assertThat(t.polls()).isEqualTo(3);
        assertThat(t.state().range()).containsExactly(0, 2);
        assertThat(t.state().latest()).isZero();
        assertThat(t.failures().latest()).as("a reset deleted the failures key").isZero();
        assertThat(t.failures().range()[1]).isEqualTo(12);
    }

    @Test
    void a_breaker_gone_from_the_poll_and_a_source_no_longer_shown_are_forgotten() {
        BreakerTrends trends = new BreakerTrends();
        trends.poll(panel(0, "payments", BreakerState.OPEN, 1L), Set.of("redis"));
        trends.poll(panel(5, "mailer", BreakerState.CLOSED, 0L), Set.of("redis"));
        assertThat(trends.of("redis", "payments")).isNull();
        assertThat(trends.of("redis", "mailer")).isNotNull();
        trends.poll(new BreakerPoll("other", T0, List.of(), List.of(), null), Set.of("other"));
        assertThat(trends.of("redis", "mailer")).isNull();
    }

    private static BreakerPoll panel(long seconds, String service, BreakerState state, Long failures) {
        Breaker b = new Breaker(service, "circuit_breaker:" + service + ":state", state,
                state.name().toLowerCase(), failures, null, null, null);
        return new BreakerPoll("redis", T0.plusSeconds(seconds), List.of(new TrackedBreaker(b, null, null, false,
                List.of())), List.of(), null);
    }
}
