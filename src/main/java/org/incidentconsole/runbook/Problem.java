package org.incidentconsole.runbook;

/** A lint finding at a line of the runbook. */
public record Problem(int line, Severity severity, String message) {
    public enum Severity { ERROR, WARNING }

    public static Problem error(int line, String message) {
        return new Problem(line, Severity.ERROR, message);
    }

    public static Problem warning(int line, String message) {
        return new Problem(line, Severity.WARNING, message);
    }
}
