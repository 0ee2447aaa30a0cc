package org.incidentconsole.report;

import org.incidentconsole.incident.IncidentEvent;

/** Timeline lines for who works the incident and where it stands (#15 identity and lifecycle); null otherwise. */
final class LifecycleText {
    private LifecycleText() {
    }

    static String of(IncidentEvent e) {
        if (e instanceof IncidentEvent.SessionOpened o) {
            return ("resume".equals(o.how()) ? "Incident resumed by " : "Console opened by ")
                    + Markdown.inline(o.operator()) + " (OS user " + Markdown.inline(o.osUser()) + " on "
                    + Markdown.inline(o.machine()) + ")";
        } else if (e instanceof IncidentEvent.OperatorChanged o) {
            return "Handed over from " + Markdown.inline(o.from()) + " to " + Markdown.inline(o.to());
        } else if (e instanceof IncidentEvent.DetailsEdited d) {
            return "Edited by " + Markdown.inline(d.by()) + ":" + (d.title() == null ? "" : " title "
                    + Markdown.inline(d.title())) + (d.trigger() == null ? "" : " trigger " + Markdown.inline(d.trigger()));
        } else if (e instanceof IncidentEvent.StatusChanged s) {
            return "Status " + (s.from() == null ? "?" : s.from().label()) + " → " + s.to().label() + " by "
                    + Markdown.inline(s.by());
        } else if (e instanceof IncidentEvent.Reopened r) {
            return "Incident reopened by " + Markdown.inline(r.by()) + ": " + Markdown.inline(r.reason());
        }
        return null;
    }
}
