package org.incidentconsole.health;

import java.time.Instant;

/** A check changed status; {@code from} is null on the first result. For the incident journal. */
public record HealthTransition(String host, String check, HealthStatus from, HealthStatus to, String value,
                               Instant at) {
}
