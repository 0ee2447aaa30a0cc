package org.incidentconsole.health;

import java.time.Duration;
import java.time.Instant;

/** One run of one check on one host: a snapshot with the measured value and a line of detail. */
public record CheckResult(String host, String check, String kind, Instant at, HealthStatus status, String value,
                          String detail, Duration took) {
}
