package org.incidentconsole.notify;

import java.util.Locale;

/** A status page incident's status, in the Statuspage words. */
public enum StatusPhase {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
