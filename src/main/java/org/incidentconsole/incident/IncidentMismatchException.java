package org.incidentconsole.incident;

/** An incident asked to resume where it does not belong: another environment or another inventory. */
public final class IncidentMismatchException extends Exception {
    public IncidentMismatchException(String id, String reason) {
        super(id + " cannot be resumed here: " + reason);
    }
}
