package org.incidentconsole.ui.incident;

/**
 * Every act is journaled, so it needs an open incident: controllers hand their acts to the guard instead of
 * checking themselves. The window's guard asks the operator ({@link AskingIncidentGuard}); a view whose incident
 * is already open passes {@code Runnable::run}.
 */
@FunctionalInterface
public interface IncidentGuard {
    /** Runs {@code act} once an incident is open: now if one is, else after the operator starts or resumes one. */
    void withIncident(Runnable act);
}
