package org.incidentconsole.notify;

import java.time.Duration;

/**
 * What one try at a channel came to. {@code status}: the HTTP status or SMTP reply code (null when no answer came);
 * {@code reason}: the server's own words, or what went wrong, already free of the channel's secrets;
 * {@code retryAfter}: when RETRY, how long the server asked to wait (null when it did not say); {@code ref}: what
 * the service returned to refer to the message later (a status page's incident id), else null.
 */
public record Attempt(Result result, Integer status, String reason, Duration retryAfter, String ref) {
    public enum Result {
        /** The service took the message. */
        DELIVERED,
        /** Worth trying again (429, 5xx, a connection that failed). */
        RETRY,
        /** Trying again will not help (bad payload, unknown webhook, refused login). */
        FAILED
    }

    public static Attempt delivered(Integer status, String reason) {
        return new Attempt(Result.DELIVERED, status, reason, null, null);
    }

    public static Attempt delivered(Integer status, String reason, String ref) {
        return new Attempt(Result.DELIVERED, status, reason, null, ref);
    }

    public static Attempt failed(Integer status, String reason) {
        return new Attempt(Result.FAILED, status, reason, null, null);
    }

    public static Attempt retry(Integer status, String reason, Duration retryAfter) {
        return new Attempt(Result.RETRY, status, reason, retryAfter, null);
    }
}
