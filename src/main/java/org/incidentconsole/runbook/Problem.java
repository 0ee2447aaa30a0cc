package org.incidentconsole.runbook;

/** A lint finding at a line of the runbook: errors fail lint, warnings and notes do not. */
public record Problem(int line, Severity severity, String message) {
    public enum Severity { ERROR, WARNING, NOTE }

    public static Problem error(int line, String message) {
        return new Problem(line, Severity.ERROR, message);
    }

    public static Problem warning(int line, String message) {
        return new Problem(line, Severity.WARNING, message);
    }

    /** Something the author may want to know that needs no change: lint prints it, the exit status ignores it. */
    public static Problem note(int line, String message) {
        return new Problem(line, Severity.NOTE, message);
    }
}
