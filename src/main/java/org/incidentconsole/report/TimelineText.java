package org.incidentconsole.report;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentEvent.BreakerAction;
import org.incidentconsole.incident.IncidentEvent.ChecklistToggled;
import org.incidentconsole.incident.IncidentEvent.DangerConfirmed;
import org.incidentconsole.incident.IncidentEvent.HealthTransition;
import org.incidentconsole.incident.IncidentEvent.StepFinished;

/**
 * One line of the timeline per event, from one table of renderers: a new event type slots in with one line in
 * {@link #RENDERERS}; a type without one still gets a line, its name and fields in journal order.
 */
final class TimelineText {
    private static final Map<Class<? extends IncidentEvent>, Function<IncidentEvent, String>> RENDERERS =
            new LinkedHashMap<>();

    static {
        on(IncidentEvent.Started.class, s -> "Incident started by " + in(s.operator()) + ": " + in(s.title()) + " ("
                + s.severity() + ", trigger: " + in(s.trigger()) + ")");
        on(IncidentEvent.RunbookLoaded.class, r -> "Runbook opened: " + in(r.title()) + " (" + r.steps().size()
                + " steps)");
        on(IncidentEvent.StepStarted.class, s -> "Step started on " + Markdown.code(s.host()) + ": " + in(s.step()));
        on(StepFinished.class, s -> "Step " + s.outcome() + " on " + Markdown.code(s.host()) + " (exit "
                + (s.exitStatus() == null ? "none" : s.exitStatus()) + ", " + ReportTimes.millis(s.durationMs())
                + "): " + in(s.step()));
        on(IncidentEvent.StepSkipped.class, s -> "Step not run on " + Markdown.code(s.host()) + ": " + in(s.step())
                + " — " + in(s.reason()));
        on(ChecklistToggled.class, c -> (c.checked() ? "Ticked" : "Unticked") + " by " + in(c.by()) + ": "
                + in(c.item()));
        on(IncidentEvent.VariableSet.class, v -> "Set " + Markdown.code(v.name()) + " = " + Markdown.code(v.value())
                + (v.role() == null ? "" : " (" + v.role() + ")"));
        on(DangerConfirmed.class, TimelineText::danger);
        on(BreakerAction.class, b -> "Breaker " + in(b.action()) + " " + Markdown.code(b.key()) + ": "
                + BreakerValues.before(b.before()) + " → " + BreakerValues.after(b.after())
                + (b.result() == null || b.result().equals("ok") ? "" : " (" + in(b.result()) + ")"));
        on(HealthTransition.class, h -> "Health " + Markdown.code(h.host()) + " " + in(h.check()) + ": "
                + (h.from() == null ? "first reading " : in(h.from()) + " → ") + in(h.to())
                + (h.value() == null ? "" : " (" + in(h.value()) + ")") + flaps(h.flaps()));
        on(IncidentEvent.SeverityChanged.class, s -> "Severity " + s.from() + " → " + s.to() + " by " + in(s.by())
                + ": " + in(s.reason()));
        on(IncidentEvent.NoteAdded.class, n -> "Note by " + in(n.by()) + ": " + in(n.text()));
        on(IncidentEvent.ActionItemAdded.class, a -> "Action item by " + in(a.by()) + ": " + in(a.text()));
        on(IncidentEvent.LessonAdded.class, l -> "Lesson by " + in(l.by()) + ": " + in(l.text()));
        on(IncidentEvent.FieldSet.class, fs -> "Postmortem field " + PostmortemField.byKey(fs.field())
                .map(PostmortemField::label).orElse(in(fs.field())) + " saved by " + in(fs.by()));
        on(IncidentEvent.Milestone.class, m -> (m.kind().equals("ROLLED_BACK") ? "Rollback complete"
                : "Service recovered") + ": " + in(m.detail()));
        on(IncidentEvent.ReportExported.class, r -> "Report exported to " + Markdown.code(r.path()));
        on(IncidentEvent.Resolved.class, r -> "Incident resolved by " + in(r.by()) + ": " + in(r.summary()));
        on(IncidentEvent.RoleAssigned.class, r -> in(r.person()) + " is " + in(r.role()) + " (named by "
                + in(r.by()) + ")");
        on(IncidentEvent.MessageSent.class, m -> "Message sent by " + in(m.by()) + " to " + in(m.channel()));
        // #15 identity, environment and lifecycle
        on(IncidentEvent.SessionOpened.class, o -> ("resume".equals(o.how()) ? "Incident resumed by "
                : "Console opened by ") + in(o.operator()) + " (OS user " + in(o.osUser()) + " on "
                + in(o.machine()) + ")");
        on(IncidentEvent.OperatorChanged.class, o -> "Handed over from " + in(o.from()) + " to " + in(o.to()));
        on(IncidentEvent.DetailsEdited.class, d -> "Edited by " + in(d.by()) + ":" + (d.title() == null ? ""
                : " title " + in(d.title())) + (d.trigger() == null ? "" : " trigger " + in(d.trigger())));
        on(IncidentEvent.StatusChanged.class, c -> "Status " + (c.from() == null ? "?" : c.from().label()) + " → "
                + (c.to() == null ? "?" : c.to().label()) + " by " + in(c.by()));
        on(IncidentEvent.Reopened.class, r -> "Incident reopened by " + in(r.by()) + ": " + in(r.reason()));
        on(IncidentEvent.BreakerTransition.class, b -> "Breaker " + in(b.service()) + ": "
                + (b.from() == null ? "first seen " : state(b.from()) + " → ") + state(b.to())
                + (b.failures() == null ? "" : " (" + b.failures() + " failures)") + flaps(b.flaps()));
        on(IncidentEvent.ConnectionChanged.class, c -> "Connection to " + Markdown.code(c.host()) + " " + c.change()
                + (c.reason() == null || c.reason().isBlank() ? "" : ": " + in(c.reason())) + flaps(c.flaps()));
        on(IncidentEvent.CommsCopied.class, c -> "Comms copied by " + in(c.by()) + ": " + in(c.template())
                + " message");
        // #16 walking kinds
        on(IncidentEvent.ProcedureChosen.class, p -> "Procedure chosen by " + in(p.by()) + ": " + in(p.procedure()));
        on(IncidentEvent.AlternativeChosen.class, a -> "Alternative chosen by " + in(a.by()) + ": " + in(a.chosen())
                + " at " + in(a.step()) + (a.skipped() == null || a.skipped().isEmpty() ? ""
                : " — skipped: " + in(String.join("; ", a.skipped()))));
        on(IncidentEvent.DecisionAnswered.class, d -> "Answered by " + in(d.by()) + ": " + in(d.question()) + " → "
                + in(d.answer()) + (d.target() == null ? "" : " (leads to " + in(d.target()) + ")"));
        on(IncidentEvent.ManualStepMarked.class, m -> "Manual step " + in(m.mark() == null ? null : m.mark().word())
                + " by " + in(m.by()) + ": " + in(m.step()) + (m.reason() == null || m.reason().isBlank() ? "" : " — " + in(m.reason())));
        on(IncidentEvent.WatchEnded.class, w -> "Watch ended " + (w.stable() ? "stable" : "NOT stable") + " on "
                + Markdown.code(w.host()) + " by " + in(w.by()) + " (" + in(w.how()) + ", "
                + ReportTimes.millis(w.afterMs()) + "): " + in(w.step()));
        on(IncidentEvent.OutOfProcedure.class, o -> "Out of procedure, run on purpose by " + in(o.by()) + ": "
                + in(o.step()) + " (of " + in(o.procedure()) + ", walking " + in(o.walking()) + ")");
        on(IncidentEvent.InventoryReloaded.class, r -> r.problems() != null && r.problems() > 0
                ? "Inventory " + Markdown.code(r.file()) + " not reloaded: " + r.problems()
                        + (r.problems() == 1 ? " problem" : " problems")
                : "Inventory " + Markdown.code(r.file()) + " reloaded: " + hosts(r.added(), "added") + ", "
                        + hosts(r.removed(), "removed") + ", " + hosts(r.changed(), "changed"));
        // #19 trends (left out of the report's timeline: the trend charts show them)
        on(IncidentEvent.HealthSample.class, h -> "Health " + Markdown.code(h.host()) + " " + in(h.check()) + ": "
                + TrendChart.number(h.value()) + (h.unit() == null ? "" : h.unit()) + " (" + in(h.status()) + ")");
        // #21 comms sent from the console
        on(IncidentEvent.MessagePosted.class, m -> "Message sent by " + in(m.by()) + " (" + in(m.template())
                + ") to " + in(String.join(", ", m.channels() == null ? List.of() : m.channels()))
                + (m.phase() == null ? "" : ", status page " + in(m.phase())));
        on(IncidentEvent.MessageDelivery.class, d -> "Message " + in(d.result()) + " on " + in(d.channel())
                + (d.attempts() > 1 ? " after " + d.attempts() + " tries" : "")
                + ("delivered".equals(d.result()) || d.reason() == null || d.reason().isBlank() ? ""
                : ": " + in(d.reason())) + ("failed".equals(d.result()) && d.status() != null
                ? " (status " + d.status() + ")" : ""));
        // #22 one incident, several consoles
        on(IncidentEvent.IncidentShared.class, sh -> (sh.joined() ? "Joined the shared incident" : "Incident shared")
                + " by " + in(sh.by()) + " as " + in(sh.role()) + " from console " + Markdown.code(sh.console())
                + " over " + in(sh.endpoint()));
        on(IncidentEvent.RunLockTaken.class, t -> "Run lock taken by " + in(t.by()) + " for " + in(t.step())
                + " on " + Markdown.code(t.host()) + " (fence " + t.fence() + ")");
        on(IncidentEvent.RunLockLost.class, l -> "Run lock LOST for " + in(l.step()) + " on " + Markdown.code(l.host())
                + " (fence " + l.fence() + "): " + in(l.reason()));
        on(IncidentEvent.RunOutcomeUnknown.class, u -> "Outcome UNKNOWN of " + in(u.step()) + " on "
                + Markdown.code(u.host()) + ": " + in(u.operator()) + "'s console " + Markdown.code(u.console())
                + " vanished while it ran (lock expired " + in(u.expiredAt()) + ")");
        on(IncidentEvent.UnknownRunAcknowledged.class, a -> "Unknown run of " + in(a.step()) + " on "
                + Markdown.code(a.host()) + " looked at by " + in(a.by()) + ": " + in(a.finding()));
        on(IncidentEvent.CommanderHandedOver.class, c -> "Incident commander handed over"
                + (c.from() == null ? "" : " from " + in(c.from())) + " to " + in(c.to()) + " by " + in(c.by()));
        on(IncidentEvent.ApprovalRequested.class, r -> "Approval asked by " + in(r.by()) + " for " + in(r.step())
                + " on " + String.join(", ", (r.hosts() == null ? List.<String>of() : r.hosts()).stream()
                .map(Markdown::code).toList()));
        on(IncidentEvent.ApprovalDecided.class, d -> "Approval " + in(d.verdict()) + " for " + in(d.step())
                + " asked by " + in(d.requester()) + (d.decidedBy() == null ? "" : ", by " + in(d.decidedBy()))
                + (d.reason() == null || d.reason().isBlank() ? "" : ": " + in(d.reason())));
    }

    private static String hosts(List<String> names, String what) {
        List<String> all = names == null ? List.of() : names;
        return all.size() + (all.size() == 1 ? " host " : " hosts ") + what + (all.isEmpty() ? ""
                : " (" + String.join(", ", all.stream().map(Markdown::code).toList()) + ")");
    }

    private static String state(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Changes the debounce folded into this event, so a flapping value is visible without flooding the list. */
    private static String flaps(Integer n) {
        return n == null || n == 0 ? "" : " — after " + n + (n == 1 ? " quick change" : " quick changes");
    }

    private TimelineText() {
    }

    private static <E extends IncidentEvent> void on(Class<E> type, Function<E, String> renderer) {
        RENDERERS.put(type, e -> renderer.apply(type.cast(e)));
    }

    static String of(IncidentEvent e) {
        Function<IncidentEvent, String> renderer = RENDERERS.get(e.getClass());
        return renderer != null ? renderer.apply(e) : generic(e);
    }

    /** The author's reason, once, with the command it is about. */
    private static String danger(DangerConfirmed d) {
        return "Dangerous command confirmed by " + in(d.by()) + " (typed " + Markdown.code(d.typed()) + ")"
                + (d.reason() == null || d.reason().isBlank() ? "" : ": " + in(d.reason())) + " — "
                + Markdown.code(d.command());
    }

    /** An event without a renderer: its type in words and its non-empty fields. */
    static String generic(IncidentEvent e) {
        StringBuilder line = new StringBuilder(e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " "));
        String sep = ": ";
        for (RecordComponent c : e.getClass().getRecordComponents()) {
            try {
                Object value = c.getAccessor().invoke(e);
                if (value != null && !value.toString().isBlank()) {
                    line.append(sep).append(c.getName()).append(' ').append(in(value.toString()));
                    sep = ", ";
                }
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("an event's field cannot be read: " + c, ex);
            }
        }
        return line.toString();
    }

    private static String in(String text) {
        return Markdown.inline(text);
    }
}
