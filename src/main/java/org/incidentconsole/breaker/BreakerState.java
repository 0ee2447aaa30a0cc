package org.incidentconsole.breaker;

import java.util.Locale;

/** A breaker's state as the application wrote it, in any case; UNKNOWN for anything else. */
public enum BreakerState {
    CLOSED, OPEN, HALF_OPEN, UNKNOWN;

    public static BreakerState parse(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        String v = raw.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (v) {
            case "closed" -> CLOSED;
            case "open" -> OPEN;
            case "half_open", "halfopen" -> HALF_OPEN;
            default -> UNKNOWN;
        };
    }

    /** The value written back to Redis. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
