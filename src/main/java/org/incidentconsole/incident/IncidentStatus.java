package org.incidentconsole.incident;

import java.util.Locale;

/** Where the response stands; the bar shows it and every change is journaled. */
public enum IncidentStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
