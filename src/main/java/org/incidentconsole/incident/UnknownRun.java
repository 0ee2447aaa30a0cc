package org.incidentconsole.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A run of {@code step} on {@code host} whose console vanished while it held the run lock ({@code console}, worked by
 * {@code operator}): the lock expired unreleased (at {@code expiredAt}, null when not known), so what it did there is
 * UNKNOWN until someone looks at the host and acknowledges it. {@code fence} tells one such run from a later one.
 */
public record UnknownRun(String step, String host, String console, String operator, long fence, Instant expiredAt) {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The sentence the operator reads for the host where the step was not run, times in {@code zone}. */
    public String refusal(ZoneId zone) {
        return "not run: the outcome of " + step + " on " + host + " is UNKNOWN: " + operator
                + "'s console vanished while running it (lock expired "
                + (expiredAt == null ? "at an unknown time" : CLOCK.format(expiredAt.atZone(zone)))
                + "); look at the host, then acknowledge it";
    }

    /** The journal's record of it (once per unknown run this console sees). */
    public IncidentEvent.RunOutcomeUnknown event() {
        return new IncidentEvent.RunOutcomeUnknown(step, host, console, operator,
                expiredAt == null ? null : expiredAt.toString());
    }
}
