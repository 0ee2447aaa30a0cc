package org.incidentconsole.ui.timeline;

import java.util.Map;
import org.incidentconsole.incident.IncidentEvent;

/**
 * The kinds the timeline filters by, each with its glyph and the event types it holds. A new event type is one
 * row of {@link #TYPES}; a type without a row is {@link #OTHER}, so it is never hidden by accident.
 */
public enum TimelineKind {
    NOTES("Notes", "✎"),
    COMMANDS("Commands", "▶"),
    HEALTH("Health", "♥"),
    BREAKERS("Breakers", "⚡"),
    CONNECTIONS("Connections", "⇄"),
    COMMS("Comms", "✉"),
    SEVERITY("Severity and status", "!"),
    DECISIONS("Decisions", "◆"),
    OTHER("Incident and runbook", "•");

    private static final Map<Class<? extends IncidentEvent>, TimelineKind> TYPES = Map.ofEntries(
            Map.entry(IncidentEvent.NoteAdded.class, NOTES),
            Map.entry(IncidentEvent.ActionItemAdded.class, NOTES),
            Map.entry(IncidentEvent.LessonAdded.class, NOTES),
            Map.entry(IncidentEvent.StepStarted.class, COMMANDS),
            Map.entry(IncidentEvent.StepFinished.class, COMMANDS),
            Map.entry(IncidentEvent.StepSkipped.class, COMMANDS),
            Map.entry(IncidentEvent.DangerConfirmed.class, COMMANDS),
            Map.entry(IncidentEvent.ManualStepMarked.class, COMMANDS),
            Map.entry(IncidentEvent.WatchEnded.class, COMMANDS),
            Map.entry(IncidentEvent.OutOfProcedure.class, COMMANDS),
            Map.entry(IncidentEvent.HealthTransition.class, HEALTH),
            Map.entry(IncidentEvent.BreakerTransition.class, BREAKERS),
            Map.entry(IncidentEvent.BreakerAction.class, BREAKERS),
            Map.entry(IncidentEvent.ConnectionChanged.class, CONNECTIONS),
            Map.entry(IncidentEvent.CommsCopied.class, COMMS),
            Map.entry(IncidentEvent.MessageSent.class, COMMS),
            Map.entry(IncidentEvent.MessagePosted.class, COMMS),
            Map.entry(IncidentEvent.MessageDelivery.class, COMMS),
            Map.entry(IncidentEvent.SeverityChanged.class, SEVERITY),
            Map.entry(IncidentEvent.StatusChanged.class, SEVERITY),
            Map.entry(IncidentEvent.Milestone.class, SEVERITY),
            Map.entry(IncidentEvent.Resolved.class, SEVERITY),
            Map.entry(IncidentEvent.Reopened.class, SEVERITY),
            Map.entry(IncidentEvent.ProcedureChosen.class, DECISIONS),
            Map.entry(IncidentEvent.AlternativeChosen.class, DECISIONS),
            Map.entry(IncidentEvent.DecisionAnswered.class, DECISIONS),
            // #22 several consoles: who ran what where, and who approved it
            Map.entry(IncidentEvent.RunLockTaken.class, COMMANDS),
            Map.entry(IncidentEvent.RunLockLost.class, COMMANDS),
            Map.entry(IncidentEvent.RunOutcomeUnknown.class, COMMANDS),
            Map.entry(IncidentEvent.UnknownRunAcknowledged.class, COMMANDS),
            Map.entry(IncidentEvent.ApprovalRequested.class, DECISIONS),
            Map.entry(IncidentEvent.ApprovalDecided.class, DECISIONS));

    private final String label;
    private final String glyph;

    TimelineKind(String label, String glyph) {
        this.label = label;
        this.glyph = glyph;
    }

    public static TimelineKind of(IncidentEvent event) {
        return TYPES.getOrDefault(event.getClass(), OTHER);
    }

    public String label() {
        return label;
    }

    public String glyph() {
        return glyph;
    }
}
