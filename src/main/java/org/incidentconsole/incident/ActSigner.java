package org.incidentconsole.incident;

import org.incidentconsole.incident.IncidentEvent.ActionItemAdded;
import org.incidentconsole.incident.IncidentEvent.ChecklistToggled;
import org.incidentconsole.incident.IncidentEvent.DangerConfirmed;
import org.incidentconsole.incident.IncidentEvent.DetailsEdited;
import org.incidentconsole.incident.IncidentEvent.FieldSet;
import org.incidentconsole.incident.IncidentEvent.LessonAdded;
import org.incidentconsole.incident.IncidentEvent.NoteAdded;
import org.incidentconsole.incident.IncidentEvent.Reopened;
import org.incidentconsole.incident.IncidentEvent.Resolved;
import org.incidentconsole.incident.IncidentEvent.SeverityChanged;
import org.incidentconsole.incident.IncidentEvent.StatusChanged;

/**
 * Signs an act with the operator working the incident at this console: whoever the caller named, the journal says
 * who was named at start, resume or the last hand-over. Events that are not acts pass unchanged.
 */
final class ActSigner {
    private ActSigner() {
    }

    static IncidentEvent sign(IncidentEvent e, String operator) {
        if (operator == null) {
            return e;
        }
        if (e instanceof ChecklistToggled c) {
            return new ChecklistToggled(c.step(), c.line(), c.item(), c.checked(), operator);
        } else if (e instanceof DangerConfirmed d) {
            return new DangerConfirmed(d.step(), d.command(), d.reason(), d.typed(), operator);
        } else if (e instanceof SeverityChanged s) {
            return new SeverityChanged(s.from(), s.to(), s.reason(), operator);
        } else if (e instanceof NoteAdded n) {
            return new NoteAdded(n.text(), operator);
        } else if (e instanceof ActionItemAdded a) {
            return new ActionItemAdded(a.text(), operator, a.type(), a.owner(), a.ticket());
        } else if (e instanceof LessonAdded l) {
            return new LessonAdded(l.text(), operator);
        } else if (e instanceof FieldSet f) {
            return new FieldSet(f.field(), f.value(), operator);
        } else if (e instanceof Resolved r) {
            return new Resolved(r.summary(), operator);
        } else if (e instanceof DetailsEdited d) {
            return new DetailsEdited(d.title(), d.trigger(), operator);
        } else if (e instanceof StatusChanged s) {
            return new StatusChanged(s.from(), s.to(), operator);
        } else if (e instanceof Reopened r) {
            return new Reopened(r.reason(), operator);
        } else if (e instanceof IncidentEvent.OperatorChanged o) {
            return new IncidentEvent.OperatorChanged(o.from(), o.to(), operator); // the outgoing operator signs
        } else if (e instanceof IncidentEvent.RoleAssigned r) {
            return new IncidentEvent.RoleAssigned(r.role(), r.person(), operator);
        } else if (e instanceof IncidentEvent.CommsCopied c) {
            return new IncidentEvent.CommsCopied(c.template(), c.text(), operator);
        } else if (e instanceof IncidentEvent.MessageSent m) {
            return new IncidentEvent.MessageSent(m.channel(), m.text(), operator);
        } else if (e instanceof IncidentEvent.MessagePosted m) {
            return new IncidentEvent.MessagePosted(m.id(), m.template(), m.subject(), m.text(), m.channels(),
                    m.phase(), operator);
        } else if (e instanceof IncidentEvent.IncidentShared sh) { // #22 several consoles
            return new IncidentEvent.IncidentShared(sh.console(), sh.endpoint(), sh.role(), sh.joined(), operator);
        } else if (e instanceof IncidentEvent.RunLockTaken t) {
            return new IncidentEvent.RunLockTaken(t.step(), t.host(), t.fence(), operator);
        } else if (e instanceof IncidentEvent.UnknownRunAcknowledged a) {
            return new IncidentEvent.UnknownRunAcknowledged(a.step(), a.host(), a.console(), a.finding(), operator);
        } else if (e instanceof IncidentEvent.CommanderHandedOver c) {
            return new IncidentEvent.CommanderHandedOver(c.from(), c.to(), operator);
        } else if (e instanceof IncidentEvent.ApprovalRequested r) {
            return new IncidentEvent.ApprovalRequested(r.request(), r.step(), r.hosts(), r.commands(), r.expiresAt(),
                    operator);
        }
        return WalkActs.sign(e, operator); // #16 walking kinds
    }

    /** The act in words, for the refusal the operator reads. */
    static String describe(IncidentEvent e) {
        return switch (e.getClass().getSimpleName()) {
            case "StepStarted", "StepSkipped" -> "a step run";
            case "ChecklistToggled" -> "a checklist tick";
            case "VariableSet" -> "a variable value";
            case "DangerConfirmed" -> "a dangerous command";
            case "BreakerAction" -> "a breaker action";
            case "SeverityChanged" -> "a severity change";
            case "NoteAdded" -> "a note";
            case "Resolved" -> "another Resolve";
            case "StatusChanged" -> "a status change";
            case "OperatorChanged" -> "a hand-over";
            case "RunbookLoaded" -> "a runbook";
            default -> e.getClass().getSimpleName();
        };
    }

    /**
     * Acts an operator takes on the incident: refused once it is resolved, until it is reopened. Record-keeping
     * (title, trigger, postmortem fields, lessons, action items, report exports) and observations stay open.
     */
    static boolean isAct(IncidentEvent e) {
        return e instanceof IncidentEvent.StepStarted || e instanceof IncidentEvent.StepSkipped
                || e instanceof ChecklistToggled || e instanceof IncidentEvent.VariableSet
                || e instanceof DangerConfirmed || e instanceof IncidentEvent.BreakerAction
                || e instanceof SeverityChanged || e instanceof NoteAdded || e instanceof Resolved
                || e instanceof StatusChanged
                || e instanceof IncidentEvent.OperatorChanged || e instanceof IncidentEvent.RunbookLoaded
                || WalkActs.isAct(e); // #16 walking kinds
    }
}
