package org.incidentconsole.notify;

import java.time.Instant;

/**
 * A change in one channel's delivery: {@code attempt} counts from 1; {@code retryAt} is set while WAITING_RETRY;
 * {@code status}/{@code reason} come from the last attempt; {@code ref} is what the service returned to refer to
 * the message later (a status page's incident id), else null.
 */
public record DeliveryUpdate(String channel, DeliveryState state, int attempt, Integer status, String reason,
                             Instant at, Instant retryAt, String ref) {
}
