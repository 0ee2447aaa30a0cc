package org.incidentconsole.health;

import java.time.Duration;
import java.time.Instant;

/**
 * One run of one check on one host: a snapshot with the measured value and a line of detail. {@code reach} says
 * whether the host answered; when it did not, the status is UNKNOWN and the value is {@link Reachability#value}.
 */
public record CheckResult(String host, String check, String kind, Instant at, HealthStatus status, String value,
                          String detail, Duration took, Reachability reach) {
    /** A result from a host that answered. */
    public CheckResult(String host, String check, String kind, Instant at, HealthStatus status, String value,
                       String detail, Duration took) {
        this(host, check, kind, at, status, value, detail, took, Reachability.ANSWERED);
    }

    /** A check whose host did not answer ({@code why} not ANSWERED): UNKNOWN, its value the reachability's word. */
    public static CheckResult unanswered(String host, String check, String kind, Instant at, Reachability why,
                                         String detail, Duration took) {
        return new CheckResult(host, check, kind, at, HealthStatus.UNKNOWN, why.value(), detail, took, why);
    }
}
