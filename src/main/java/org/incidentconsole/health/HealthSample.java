package org.incidentconsole.health;

import java.time.Instant;

/** One check's number at one time, kept for the incident's record of how it went (see {@link HealthSampler}). */
public record HealthSample(String host, String check, String kind, Instant at, HealthStatus status, double value,
                           String unit) {
}
