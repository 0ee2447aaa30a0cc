package org.incidentconsole.breaker;

import java.time.Instant;
import java.util.List;

/** One poll of one Redis for the panel: breakers with history, rate limiters, or what went wrong. */
public record BreakerPoll(String source, Instant at, List<TrackedBreaker> breakers, List<RateLimit> rateLimits,
                           String error) {
    public BreakerPoll {
        breakers = List.copyOf(breakers);
        rateLimits = List.copyOf(rateLimits);
    }

    /** A panel for a host whose Redis could not be reached at all. */
    public static BreakerPoll unavailable(String source, Instant at, String error) {
        return new BreakerPoll(source, at, List.of(), List.of(), error);
    }

    public long stuckOpen() {
        return breakers.stream().filter(TrackedBreaker::stuckOpen).count();
    }
}
