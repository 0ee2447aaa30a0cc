package org.incidentconsole.incident;

/** Where the response stands; the bar shows it and every change is journaled. */
public enum IncidentStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
