package org.incidentconsole.breaker;

/** A rate-limiter counter: its value and seconds to live (-1: no expiry, -2: gone). */
public record RateLimit(String key, String value, Long ttlSeconds, String error) {
}
