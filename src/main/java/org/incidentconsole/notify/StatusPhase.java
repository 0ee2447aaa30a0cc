package org.incidentconsole.notify;

import java.util.Locale;
import java.util.Optional;

/**
 * A status page incident's status, in the Statuspage words. The incident's own lifecycle uses the same four words,
 * so the window maps it with {@code StatusPhase.fromWord(incidentStatus.label())}.
 */
public enum StatusPhase {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The phase a word names, in any case and with blanks around it ("Monitoring", "RESOLVED "); else empty. */
    public static Optional<StatusPhase> fromWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String wanted = word.strip().toLowerCase(Locale.ROOT);
        for (StatusPhase phase : values()) {
            if (phase.label().equals(wanted)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }
}
