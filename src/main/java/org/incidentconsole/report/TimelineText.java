package org.incidentconsole.report;

import org.incidentconsole.incident.IncidentEvent;

/** One line of the timeline for each kind of event. */
final class TimelineText {
    private TimelineText() {
    }

    static String of(IncidentEvent e) {
        if (e instanceof IncidentEvent.Started s) {
            return "Incident started by " + Markdown.inline(s.operator()) + ": " + Markdown.inline(s.title()) + " ("
                    + s.severity() + ", trigger: " + Markdown.inline(s.trigger()) + ")";
        } else if (e instanceof IncidentEvent.RunbookLoaded r) {
            return "Runbook opened: " + Markdown.inline(r.title()) + " (" + r.steps().size() + " steps)";
        } else if (e instanceof IncidentEvent.StepStarted s) {
            return "Step started on " + Markdown.code(s.host()) + ": " + Markdown.inline(s.step());
        } else if (e instanceof IncidentEvent.StepFinished s) {
            return "Step " + s.outcome() + " on " + Markdown.code(s.host()) + " (exit "
                    + (s.exitStatus() == null ? "none" : s.exitStatus()) + ", " + ReportTimes.millis(s.durationMs())
                    + "): " + Markdown.inline(s.step());
        } else if (e instanceof IncidentEvent.StepSkipped s) {
            return "Step skipped on " + Markdown.code(s.host()) + ": " + Markdown.inline(s.step()) + " — "
                    + Markdown.inline(s.reason());
        } else if (e instanceof IncidentEvent.ChecklistToggled c) {
            return (c.checked() ? "Ticked" : "Unticked") + " by " + Markdown.inline(c.by()) + ": "
                    + Markdown.inline(c.item());
        } else if (e instanceof IncidentEvent.VariableSet v) {
            return "Set " + Markdown.code(v.name()) + " = " + Markdown.code(v.value())
                    + (v.role() == null ? "" : " (" + v.role() + ")");
        } else if (e instanceof IncidentEvent.DangerConfirmed d) {
            return "Dangerous command confirmed by " + Markdown.inline(d.by()) + " (typed "
                    + Markdown.code(d.typed()) + "): " + Markdown.inline(d.reason());
        } else if (e instanceof IncidentEvent.BreakerAction b) {
            return "Breaker " + Markdown.inline(b.action()) + " " + Markdown.code(b.key()) + ": "
                    + Markdown.inline(b.before()) + " → " + Markdown.inline(b.after());
        } else if (e instanceof IncidentEvent.HealthTransition h) {
            return "Health " + Markdown.code(h.host()) + " " + Markdown.inline(h.check()) + ": "
                    + (h.from() == null ? "first reading " : Markdown.inline(h.from()) + " → ") + Markdown.inline(h.to())
                    + (h.value() == null ? "" : " (" + Markdown.inline(h.value()) + ")");
        } else if (e instanceof IncidentEvent.SeverityChanged s) {
            return "Severity " + s.from() + " → " + s.to() + " by " + Markdown.inline(s.by()) + ": "
                    + Markdown.inline(s.reason());
        } else if (e instanceof IncidentEvent.NoteAdded n) {
            return "Note by " + Markdown.inline(n.by()) + ": " + Markdown.inline(n.text());
        } else if (e instanceof IncidentEvent.ActionItemAdded a) {
            return "Action item: " + Markdown.inline(a.text());
        } else if (e instanceof IncidentEvent.LessonAdded l) {
            return "Lesson: " + Markdown.inline(l.text());
        } else if (e instanceof IncidentEvent.FieldSet fs) {
            return "Report field " + Markdown.code(fs.field()) + " set: " + Markdown.inline(fs.value());
        } else if (e instanceof IncidentEvent.Milestone m) {
            return (m.kind().equals("ROLLED_BACK") ? "Rollback complete" : "Service recovered") + ": "
                    + Markdown.inline(m.detail());
        } else if (e instanceof IncidentEvent.ReportExported r) {
            return "Report exported to " + Markdown.code(r.path());
        } else if (e instanceof IncidentEvent.Resolved r) {
            return "Incident resolved by " + Markdown.inline(r.by()) + ": " + Markdown.inline(r.summary());
        }
        String lifecycle = LifecycleText.of(e); // #15 identity and lifecycle
        return lifecycle != null ? lifecycle : e.getClass().getSimpleName();
    }
}
