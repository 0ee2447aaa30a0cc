package org.incidentconsole.incident;

/** An act on a resolved incident: it must be reopened first (a journaled act of its own). */
public final class IncidentResolvedException extends IllegalStateException {
    public IncidentResolvedException(String id, String act) {
        super(id + " is resolved: reopen it before adding " + act);
    }
}
