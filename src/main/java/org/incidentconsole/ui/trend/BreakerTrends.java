package org.incidentconsole.ui.trend;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.incidentconsole.breaker.BreakerPoll;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.breaker.TrackedBreaker;

/**
 * Every breaker's state level (0 closed, 1 half-open, 2 open; unknown is left out) and failure count over time,
 * by Redis source and service. Breakers gone from their source's latest poll, and sources no longer shown, are
 * forgotten, so memory follows what the panel shows. FX thread only.
 */
public final class BreakerTrends {
    public static final int BUCKETS = 60;
    private static final Map<BreakerState, Double> LEVEL = Map.of(BreakerState.CLOSED, 0.0,
            BreakerState.HALF_OPEN, 1.0, BreakerState.OPEN, 2.0);

    /** {@code polls}: how many readings went in, so a cell can tell that it should draw again. */
    public static final class Trend {
        private final TrendSeries state = new TrendSeries(BUCKETS, Duration.ofSeconds(5));
        private final TrendSeries failures = new TrendSeries(BUCKETS, Duration.ofSeconds(5));
        private long polls;

        public TrendSeries state() {
            return state;
        }

        public TrendSeries failures() {
            return failures;
        }

        public long polls() {
            return polls;
        }
    }

    private final Map<String, Map<String, Trend>> bySource = new HashMap<>();

    /** One poll of one source; {@code shown} the sources still on the panel. */
    public void poll(BreakerPoll panel, Set<String> shown) {
        bySource.keySet().retainAll(shown);
        Map<String, Trend> trends = bySource.computeIfAbsent(panel.source(), k -> new HashMap<>());
        Map<String, Trend> seen = new HashMap<>();
        for (TrackedBreaker v : panel.breakers()) {
            var b = v.breaker();
            Trend t = trends.getOrDefault(b.service(), new Trend());
            Double level = LEVEL.get(b.state());
            if (level != null) {
                t.state.add(panel.at(), level);
            }
            // a reset deletes the failures key: no count is none
            t.failures.add(panel.at(), b.failures() == null ? 0 : b.failures());
            t.polls++;
            seen.put(b.service(), t);
        }
        bySource.put(panel.source(), seen);
    }

    /** The trend of a breaker, or null before it was read. */
    public Trend of(String source, String service) {
        Map<String, Trend> trends = bySource.get(source);
        return trends == null ? null : trends.get(service);
    }
}
