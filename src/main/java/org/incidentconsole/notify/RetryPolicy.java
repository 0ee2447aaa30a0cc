package org.incidentconsole.notify;

import java.time.Duration;

/**
 * How a channel is retried: at most {@code maxAttempts} tries; between them {@code firstBackoff} doubling up to
 * {@code maxBackoff}, or the server's Retry-After when it gives one, up to {@code retryAfterCap}.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration retryAfterCap) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt, got " + maxAttempts);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0 || retryAfterCap.isNegative()) {
            throw new IllegalArgumentException("backoff " + firstBackoff + " to " + maxBackoff + ", cap "
                    + retryAfterCap + ": none negative, the first no longer than the most");
        }
    }

    /** 5 attempts; 1 s, 2 s, 4 s, … up to 30 s; Retry-After honoured up to 2 minutes. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(120));
    }

    /** The wait after failed attempt {@code attempt} (from 1), given the server's Retry-After (null if none). */
    public Duration waitAfter(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(retryAfterCap) > 0 ? retryAfterCap : retryAfter;
        }
        Duration d = firstBackoff;
        for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
