package org.incidentconsole.breaker;

import java.time.Instant;

/**
 * One breaker read from Redis. {@code error} says what was wrong with its keys (wrong type, a value that is
 * not a number…); the other breakers are read anyway.
 */
public record Breaker(String service, String stateKey, BreakerState state, String rawState, Long failures,
                      Instant openedAt, Instant lastFailure, String error) {
}
