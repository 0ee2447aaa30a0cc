package org.incidentconsole.inventory;

import java.time.Duration;
import java.util.List;

/**
 * Where breakers and rate limiters live in Redis. Each key scheme names the keys of one breaker with
 * {@code {service}} standing for the service name; companion keys other than the state may be null.
 */
public record BreakerSettings(List<KeyScheme> schemes, List<String> rateLimitPatterns, Duration stuckOpenAfter,
                              Duration pollEvery) {
    public BreakerSettings {
        schemes = List.copyOf(schemes);
        rateLimitPatterns = List.copyOf(rateLimitPatterns);
    }

    public record KeyScheme(String state, String failures, String openedAt, String lastFailure) {
    }

    /** The schema of the runbooks this console was built for: circuit_breaker:{service}:state etc. */
    public static BreakerSettings defaults() {
        return new BreakerSettings(List.of(new KeyScheme("circuit_breaker:{service}:state",
                "circuit_breaker:{service}:failures", "circuit_breaker:{service}:opened_at",
                "circuit_breaker:{service}:last_failure")), List.of("*rate_limit:*"), Duration.ofMinutes(5),
                Duration.ofSeconds(2));
    }
}
