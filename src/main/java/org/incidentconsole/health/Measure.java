package org.incidentconsole.health;

/** The number a check's value stands for, with its unit ("ms", "%", "hits" or "" for a bare number). */
public record Measure(double value, String unit) {
}
