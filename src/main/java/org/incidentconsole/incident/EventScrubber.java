package org.incidentconsole.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentconsole.incident.IncidentEvent.ActionItemAdded;
import org.incidentconsole.incident.IncidentEvent.BreakerAction;
import org.incidentconsole.incident.IncidentEvent.BreakerTransition;
import org.incidentconsole.incident.IncidentEvent.CommsCopied;
import org.incidentconsole.incident.IncidentEvent.ConnectionChanged;
import org.incidentconsole.incident.IncidentEvent.ChecklistToggled;
import org.incidentconsole.incident.IncidentEvent.DangerConfirmed;
import org.incidentconsole.incident.IncidentEvent.FieldSet;
import org.incidentconsole.incident.IncidentEvent.HealthTransition;
import org.incidentconsole.incident.IncidentEvent.LessonAdded;
import org.incidentconsole.incident.IncidentEvent.Milestone;
import org.incidentconsole.incident.IncidentEvent.NoteAdded;
import org.incidentconsole.incident.IncidentEvent.ReportExported;
import org.incidentconsole.incident.IncidentEvent.Resolved;
import org.incidentconsole.incident.IncidentEvent.RunbookLoaded;
import org.incidentconsole.incident.IncidentEvent.SeverityChanged;
import org.incidentconsole.incident.IncidentEvent.Started;
import org.incidentconsole.incident.IncidentEvent.StepFinished;
import org.incidentconsole.incident.IncidentEvent.StepSkipped;
import org.incidentconsole.incident.IncidentEvent.StepStarted;
import org.incidentconsole.incident.IncidentEvent.VariableSet;
import org.incidentconsole.redact.Redaction;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.redact.SecretName;

/**
 * Redacts every free-text field of every event before it is journaled: what the operator typed (title, trigger,
 * notes, variable values, summaries) and what came from hosts (commands, output, health values, breaker keys and
 * values). Identifiers and enum-like fields stay as they are: {@link #KEPT} lists them. A value whose name says it
 * is a secret (a variable {@code db_password}, a breaker key {@code …:api_token}) is hidden whole, whatever it
 * looks like. An event type without a case here is refused, and EventScrubberTest checks every permitted type.
 */
public final class EventScrubber {
    /** Fields kept verbatim, as "Type.component": ids, host and step names, outcomes, operators, paths. */
    public static final List<String> KEPT = List.of("Started.id", "Started.environment", "Started.operator",
            "Started.runbook", "Started.zone", "RunbookLoaded.source", "StepStarted.step", "StepStarted.host",
            "StepFinished.step", "StepFinished.host", "StepSkipped.step", "StepSkipped.host",
            "ChecklistToggled.step", "ChecklistToggled.by", "VariableSet.name", "VariableSet.role",
            "DangerConfirmed.step", "DangerConfirmed.typed", "DangerConfirmed.by", "HealthTransition.host",
            "HealthTransition.check", "HealthTransition.from", "HealthTransition.to", "SeverityChanged.by",
            "NoteAdded.by", "ActionItemAdded.by", "LessonAdded.by", "FieldSet.field", "FieldSet.by", "Milestone.kind",
            "ReportExported.path", "Resolved.by",
            // #15 postmortem
            "ActionItemAdded.type", "ActionItemAdded.owner", "RoleAssigned.role", "RoleAssigned.person",
            "RoleAssigned.by", "MessageSent.channel", "MessageSent.by",
            // issue 15, panels → journal
            "BreakerTransition.source", "BreakerTransition.service", "BreakerTransition.from", "BreakerTransition.to",
            "ConnectionChanged.host", "ConnectionChanged.change", "CommsCopied.template", "CommsCopied.by",
            // #15 identity, environment and lifecycle
            "Started.inventory", "Started.inventoryFingerprint", "SessionOpened.how", "SessionOpened.operator",
            "SessionOpened.osUser", "SessionOpened.machine", "OperatorChanged.from", "OperatorChanged.to",
            "OperatorChanged.by", "DetailsEdited.by", "StatusChanged.by", "Reopened.by",
            // #16 walking kinds
            "ProcedureChosen.procedure", "ProcedureChosen.by", "AlternativeChosen.step", "AlternativeChosen.chosen",
            "AlternativeChosen.by", "DecisionAnswered.step", "DecisionAnswered.target", "DecisionAnswered.by",
            "ManualStepMarked.step", "ManualStepMarked.by", "WatchEnded.step",
            "WatchEnded.host", "WatchEnded.how", "WatchEnded.by", "OutOfProcedure.step", "OutOfProcedure.procedure",
            "OutOfProcedure.walking", "OutOfProcedure.by",
            // #19 keys and inventory: a path and host names
            "InventoryReloaded.file",
            // #19 trends
            "HealthSample.host", "HealthSample.check", "HealthSample.kind", "HealthSample.unit",
            "HealthSample.status",
            // #21 comms: ids, template and channel names, the status page phase, outcomes
            "MessagePosted.id", "MessagePosted.template", "MessagePosted.phase",
            "MessagePosted.by", "MessageDelivery.id", "MessageDelivery.channel", "MessageDelivery.result",
            "MessageDelivery.ref",
            // #22 one incident, several consoles: ids, names, step paths, numbers and words from fixed lists
            "IncidentShared.console", "IncidentShared.endpoint", "IncidentShared.role", "IncidentShared.by",
            "RunLockTaken.step", "RunLockTaken.host", "RunLockTaken.by", "RunLockLost.step", "RunLockLost.host",
            "RunOutcomeUnknown.step", "RunOutcomeUnknown.host", "RunOutcomeUnknown.console",
            "RunOutcomeUnknown.operator", "RunOutcomeUnknown.expiredAt", "UnknownRunAcknowledged.step",
            "UnknownRunAcknowledged.host", "UnknownRunAcknowledged.console", "UnknownRunAcknowledged.by",
            "CommanderHandedOver.from", "CommanderHandedOver.to", "CommanderHandedOver.by",
            "ApprovalRequested.request", "ApprovalRequested.step", "ApprovalRequested.expiresAt",
            "ApprovalRequested.by", "ApprovalDecided.request", "ApprovalDecided.step", "ApprovalDecided.verdict",
            "ApprovalDecided.requester", "ApprovalDecided.decidedBy");

    private final Redactor redactor;

    public EventScrubber(Redactor redactor) {
        this.redactor = redactor;
    }

    public IncidentEvent scrub(IncidentEvent e) {
        if (e instanceof Started s) {
            return new Started(s.id(), text(s.title()), text(s.trigger()), s.severity(), s.environment(), s.operator(),
                    s.runbook(), s.zone(), s.inventory(), s.inventoryFingerprint());
        } else if (e instanceof RunbookLoaded r) {
            return new RunbookLoaded(r.source(), text(r.title()), r.steps().stream()
                    .map(o -> new RunbookLoaded.StepOutline(o.path(), o.line(), o.checklist().stream()
                            .map(i -> new RunbookLoaded.Item(i.line(), text(i.text()))).toList())).toList());
        } else if (e instanceof StepStarted s) {
            return new StepStarted(s.step(), s.host(), text(s.command()), values(s.values()));
        } else if (e instanceof StepFinished f) {
            return finished(f);
        } else if (e instanceof StepSkipped s) {
            return new StepSkipped(s.step(), s.host(), text(s.reason()));
        } else if (e instanceof ChecklistToggled c) {
            return new ChecklistToggled(c.step(), c.line(), text(c.item()), c.checked(), c.by());
        } else if (e instanceof VariableSet v) {
            return new VariableSet(v.name(), named(v.name(), v.value()), v.role());
        } else if (e instanceof DangerConfirmed d) {
            return new DangerConfirmed(d.step(), text(d.command()), text(d.reason()), d.typed(), d.by());
        } else if (e instanceof BreakerAction b) {
            return new BreakerAction(text(b.action()), text(b.key()), named(b.key(), b.before()),
                    named(b.key(), b.after()), text(b.result()));
        } else if (e instanceof HealthTransition h) {
            return new HealthTransition(h.host(), h.check(), h.from(), h.to(), text(h.value()), h.flaps());
        } else if (e instanceof SeverityChanged s) {
            return new SeverityChanged(s.from(), s.to(), text(s.reason()), s.by());
        } else if (e instanceof NoteAdded n) {
            return new NoteAdded(text(n.text()), n.by());
        } else if (e instanceof ActionItemAdded a) {
            return new ActionItemAdded(text(a.text()), a.by(), a.type(), a.owner(), text(a.ticket()));
        } else if (e instanceof LessonAdded l) {
            return new LessonAdded(text(l.text()), l.by());
        } else if (e instanceof FieldSet f) {
            return new FieldSet(f.field(), text(f.value()), f.by());
        } else if (e instanceof Milestone m) {
            return new Milestone(m.kind(), text(m.detail()));
        } else if (e instanceof ReportExported r) {
            return r;
        } else if (e instanceof Resolved r) {
            return new Resolved(text(r.summary()), r.by());
        } else if (e instanceof IncidentEvent.RoleAssigned r) { // #15 postmortem
            return r;
        } else if (e instanceof IncidentEvent.MessageSent m) {
            return new IncidentEvent.MessageSent(m.channel(), text(m.text()), m.by());
        } else if (e instanceof BreakerTransition b) {
            return new BreakerTransition(b.source(), b.service(), text(b.key()), b.from(), b.to(), b.failures(),
                    b.flaps());
        } else if (e instanceof ConnectionChanged c) {
            return new ConnectionChanged(c.host(), c.change(), text(c.reason()), c.flaps());
        } else if (e instanceof CommsCopied c) {
            return new CommsCopied(c.template(), text(c.text()), c.by());
        } else if (e instanceof IncidentEvent.SessionOpened o) { // #15 identity, environment and lifecycle
            return o;
        } else if (e instanceof IncidentEvent.OperatorChanged o) {
            return o;
        } else if (e instanceof IncidentEvent.DetailsEdited d) {
            return new IncidentEvent.DetailsEdited(text(d.title()), text(d.trigger()), d.by());
        } else if (e instanceof IncidentEvent.StatusChanged s) {
            return s;
        } else if (e instanceof IncidentEvent.Reopened r) {
            return new IncidentEvent.Reopened(text(r.reason()), r.by());
        } else if (e instanceof IncidentEvent.ProcedureChosen p) { // #16 walking kinds
            return p;
        } else if (e instanceof IncidentEvent.AlternativeChosen a) {
            return a;
        } else if (e instanceof IncidentEvent.DecisionAnswered d) {
            return new IncidentEvent.DecisionAnswered(d.step(), text(d.question()), text(d.answer()), d.target(),
                    d.by());
        } else if (e instanceof IncidentEvent.ManualStepMarked m) {
            return new IncidentEvent.ManualStepMarked(m.step(), m.mark(), text(m.reason()), m.by());
        } else if (e instanceof IncidentEvent.WatchEnded w) {
            return w;
        } else if (e instanceof IncidentEvent.OutOfProcedure o) {
            return o;
        } else if (e instanceof IncidentEvent.InventoryReloaded r) { // #19 keys and inventory: names only
            return r;
        } else if (e instanceof IncidentEvent.HealthSample h) { // #19 trends: identifiers and a number only
            return h;
        } else if (e instanceof IncidentEvent.MessagePosted m) { // #21 comms
            return new IncidentEvent.MessagePosted(m.id(), m.template(), text(m.subject()), text(m.text()),
                    m.channels(), m.phase(), m.by());
        } else if (e instanceof IncidentEvent.MessageDelivery d) {
            return new IncidentEvent.MessageDelivery(d.id(), d.channel(), d.result(), d.status(), text(d.reason()),
                    d.attempts(), d.ref());
        } else if (e instanceof IncidentEvent.IncidentShared sh) { // #22 several consoles
            return sh;
        } else if (e instanceof IncidentEvent.RunLockTaken t) {
            return t;
        } else if (e instanceof IncidentEvent.RunLockLost l) {
            return new IncidentEvent.RunLockLost(l.step(), l.host(), l.fence(), text(l.reason()));
        } else if (e instanceof IncidentEvent.RunOutcomeUnknown u) {
            return u;
        } else if (e instanceof IncidentEvent.UnknownRunAcknowledged a) {
            return new IncidentEvent.UnknownRunAcknowledged(a.step(), a.host(), a.console(), text(a.finding()),
                    a.by());
        } else if (e instanceof IncidentEvent.CommanderHandedOver c) {
            return c;
        } else if (e instanceof IncidentEvent.ApprovalRequested r) {
            return new IncidentEvent.ApprovalRequested(r.request(), r.step(), r.hosts(),
                    r.commands() == null ? null : r.commands().stream().map(this::text).toList(), r.expiresAt(),
                    r.by());
        } else if (e instanceof IncidentEvent.ApprovalDecided d) {
            return new IncidentEvent.ApprovalDecided(d.request(), d.step(), d.verdict(), d.requester(),
                    text(d.reason()), d.decidedBy());
        }
        throw new IllegalArgumentException("no redaction rule for event type " + e.getClass().getSimpleName());
    }

    /** Output was redacted line by line already; a second pass over the whole excerpt adds what spans lines. */
    private StepFinished finished(StepFinished f) {
        Redaction output = f.output() == null ? null : redactor.redact(f.output());
        Map<String, Integer> counts = new LinkedHashMap<>(f.redactions() == null ? Map.of() : f.redactions());
        if (output != null) {
            output.counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
        }
        return new StepFinished(f.step(), f.host(), text(f.command()), f.outcome(), f.exitStatus(), f.durationMs(),
                text(f.reason()), output == null ? null : output.text(), f.redactions() == null && counts.isEmpty()
                ? null : counts);
    }

    /** Values a step ran with: each under its name, so a secret-named variable is hidden whole. */
    private Map<String, String> values(Map<String, String> values) {
        if (values == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, named(k, v)));
        return out;
    }

    private String text(String s) {
        return redactor.scrub(s);
    }

    /** A value under a secret-bearing name is hidden whole; otherwise redacted like any text. */
    private String named(String name, String value) {
        if (value == null || value.isEmpty() || name == null || !SecretName.isSecret(name)) {
            return text(value);
        }
        return "[REDACTED:" + (SecretName.isPassword(name) ? "password" : "secret") + "]";
    }
}
