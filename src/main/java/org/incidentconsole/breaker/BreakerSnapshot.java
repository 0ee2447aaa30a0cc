package org.incidentconsole.breaker;

import java.time.Instant;
import java.util.List;

/** Everything read from one Redis at one moment; {@code error} is set when Redis could not be read at all. */
public record BreakerSnapshot(Instant at, List<Breaker> breakers, List<RateLimit> rateLimits, String error) {
    public BreakerSnapshot {
        breakers = List.copyOf(breakers);
        rateLimits = List.copyOf(rateLimits);
    }

    public static BreakerSnapshot failed(Instant at, String error) {
        return new BreakerSnapshot(at, List.of(), List.of(), error);
    }
}
