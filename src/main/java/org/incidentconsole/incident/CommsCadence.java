package org.incidentconsole.incident;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * When the next progress update is due (#21): nothing before the first initial alert reached a channel; then the
 * last update that reached a channel plus the interval; overdue once that time has passed; nothing once the
 * incident is resolved. {@code due} is null at {@link Level#NONE}.
 */
public record CommsCadence(Level level, Instant due, Duration overdueBy) {
    /** The bar's colour: no cadence, an update due later, an update overdue (amber). */
    public enum Level { NONE, DUE, OVERDUE }

    public static final CommsCadence NONE = new CommsCadence(Level.NONE, null, Duration.ZERO);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public static CommsCadence of(IncidentState state, Duration every, Instant now) {
        CommsHistory comms = state.comms();
        if (state.resolved() || comms.firstAlertAt() == null || comms.lastUpdateAt() == null || every == null
                || every.isZero() || every.isNegative()) {
            return NONE;
        }
        Instant due = comms.lastUpdateAt().plus(every);
        return now.isAfter(due) ? new CommsCadence(Level.OVERDUE, due, Duration.between(due, now))
                : new CommsCadence(Level.DUE, due, Duration.ZERO);
    }

    /** "Next update 14:20" in {@code zone}, "Update overdue 3 min" (minutes, rounded up), or "" for none. */
    public String text(ZoneId zone) {
        return switch (level) {
            case NONE -> "";
            case DUE -> "Next update " + HH_MM.format(due.atZone(zone));
            case OVERDUE -> "Update overdue " + Math.max(1, (overdueBy.toSeconds() + 59) / 60) + " min";
        };
    }

    /** The incident's own time zone (from its start), else UTC: the times a message or the bar shows. */
    public static ZoneId zone(IncidentState state) {
        String zone = state.started() == null ? null : state.started().zone();
        try {
            return zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
