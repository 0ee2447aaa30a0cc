package org.incidentconsole.incident;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.List;
import java.util.Map;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.severity.Severity;

/** Every fact the journal records. The type names are the journal's vocabulary: do not rename them. */
@JsonSubTypes({
        @JsonSubTypes.Type(value = IncidentEvent.Started.class, name = "incident-started"),
        @JsonSubTypes.Type(value = IncidentEvent.RunbookLoaded.class, name = "runbook-loaded"),
        @JsonSubTypes.Type(value = IncidentEvent.StepStarted.class, name = "step-started"),
        @JsonSubTypes.Type(value = IncidentEvent.StepFinished.class, name = "step-finished"),
        @JsonSubTypes.Type(value = IncidentEvent.StepSkipped.class, name = "step-skipped"),
        @JsonSubTypes.Type(value = IncidentEvent.ChecklistToggled.class, name = "checklist-toggled"),
        @JsonSubTypes.Type(value = IncidentEvent.VariableSet.class, name = "variable-set"),
        @JsonSubTypes.Type(value = IncidentEvent.DangerConfirmed.class, name = "danger-confirmed"),
        @JsonSubTypes.Type(value = IncidentEvent.BreakerAction.class, name = "breaker-action"),
        @JsonSubTypes.Type(value = IncidentEvent.HealthTransition.class, name = "health-transition"),
        @JsonSubTypes.Type(value = IncidentEvent.SeverityChanged.class, name = "severity-changed"),
        @JsonSubTypes.Type(value = IncidentEvent.NoteAdded.class, name = "note"),
        @JsonSubTypes.Type(value = IncidentEvent.ActionItemAdded.class, name = "action-item"),
        @JsonSubTypes.Type(value = IncidentEvent.LessonAdded.class, name = "lesson"),
        @JsonSubTypes.Type(value = IncidentEvent.FieldSet.class, name = "field-set"),
        @JsonSubTypes.Type(value = IncidentEvent.Milestone.class, name = "milestone"),
        @JsonSubTypes.Type(value = IncidentEvent.ReportExported.class, name = "report-exported"),
        @JsonSubTypes.Type(value = IncidentEvent.Resolved.class, name = "incident-resolved"),
        // #15 postmortem (report side): responders' roles and messages sent
        @JsonSubTypes.Type(value = IncidentEvent.RoleAssigned.class, name = "role-assigned"),
        @JsonSubTypes.Type(value = IncidentEvent.MessageSent.class, name = "message-sent"),
        // issue 15, panels → journal (items 2, 3, 7)
        @JsonSubTypes.Type(value = IncidentEvent.BreakerTransition.class, name = "breaker-transition"),
        @JsonSubTypes.Type(value = IncidentEvent.ConnectionChanged.class, name = "connection-changed"),
        @JsonSubTypes.Type(value = IncidentEvent.CommsCopied.class, name = "comms-copied"),
        // #15 identity, environment and lifecycle
        @JsonSubTypes.Type(value = IncidentEvent.SessionOpened.class, name = "session-opened"),
        @JsonSubTypes.Type(value = IncidentEvent.OperatorChanged.class, name = "operator-changed"),
        @JsonSubTypes.Type(value = IncidentEvent.DetailsEdited.class, name = "details-edited"),
        @JsonSubTypes.Type(value = IncidentEvent.StatusChanged.class, name = "status-changed"),
        @JsonSubTypes.Type(value = IncidentEvent.Reopened.class, name = "incident-reopened"),
        // #16 walking kinds
        @JsonSubTypes.Type(value = IncidentEvent.ProcedureChosen.class, name = "procedure-chosen"),
        @JsonSubTypes.Type(value = IncidentEvent.AlternativeChosen.class, name = "alternative-chosen"),
        @JsonSubTypes.Type(value = IncidentEvent.DecisionAnswered.class, name = "decision-answered"),
        @JsonSubTypes.Type(value = IncidentEvent.ManualStepMarked.class, name = "manual-step-marked"),
        @JsonSubTypes.Type(value = IncidentEvent.WatchEnded.class, name = "watch-ended"),
        @JsonSubTypes.Type(value = IncidentEvent.OutOfProcedure.class, name = "out-of-procedure"),
        // #19 keys and inventory (h19-keys): the inventory re-read without a restart
        @JsonSubTypes.Type(value = IncidentEvent.InventoryReloaded.class, name = "inventory-reloaded"),
        // #19 trends: health values over time (throttled, see health/HealthSampler)
        @JsonSubTypes.Type(value = IncidentEvent.HealthSample.class, name = "health-sample"),
        // #21 comms sent from the console
        @JsonSubTypes.Type(value = IncidentEvent.MessagePosted.class, name = "message-posted"),
        @JsonSubTypes.Type(value = IncidentEvent.MessageDelivery.class, name = "message-delivery"),
        // #22 one incident, several consoles
        @JsonSubTypes.Type(value = IncidentEvent.IncidentShared.class, name = "incident-shared"),
        @JsonSubTypes.Type(value = IncidentEvent.RunLockTaken.class, name = "run-lock-taken"),
        @JsonSubTypes.Type(value = IncidentEvent.RunLockLost.class, name = "run-lock-lost"),
        @JsonSubTypes.Type(value = IncidentEvent.RunOutcomeUnknown.class, name = "run-outcome-unknown"),
        @JsonSubTypes.Type(value = IncidentEvent.UnknownRunAcknowledged.class, name = "unknown-run-acknowledged"),
        @JsonSubTypes.Type(value = IncidentEvent.CommanderHandedOver.class, name = "commander-handed-over"),
        @JsonSubTypes.Type(value = IncidentEvent.ApprovalRequested.class, name = "approval-requested"),
        @JsonSubTypes.Type(value = IncidentEvent.ApprovalDecided.class, name = "approval-decided")})
public sealed interface IncidentEvent {

    /** An act of the operator: {@code by} names who did it (the session signs it, see ActSigner). */
    interface Signed {
        String by();
    }


    /**
     * {@code zone}: the operator's time zone, so the report shows local times without asking the machine.
     * {@code inventory} and {@code inventoryFingerprint} bind the incident to the hosts it was worked on (null in
     * journals written before #15).
     */
    record Started(String id, String title, String trigger, Severity severity, String environment, String operator,
                   String runbook, String zone, String inventory, String inventoryFingerprint)
            implements IncidentEvent {
        public Started(String id, String title, String trigger, Severity severity, String environment,
                       String operator, String runbook, String zone) {
            this(id, title, trigger, severity, environment, operator, runbook, zone, null, null);
        }
    }

    /** The runbook's steps and checklist items, so the report can list what was never ticked. */
    record RunbookLoaded(String source, String title, List<StepOutline> steps) implements IncidentEvent {
        public record StepOutline(String path, int line, List<Item> checklist) {
        }

        public record Item(int line, String text) {
        }

        public static RunbookLoaded of(Runbook runbook) {
            return new RunbookLoaded(runbook.source(), runbook.title(), runbook.steps().stream()
                    .map(s -> new StepOutline(s.pathText(), s.line(), s.checklist().stream()
                            .map(c -> new Item(c.line(), c.text())).toList()))
                    .toList());
        }
    }

    /**
     * {@code command}: the rendered script as it ran (values in); {@code values}: each placeholder the step used
     * (variable name, or the token for others) with the value it ran with; null in journals before issue 15.
     */
    record StepStarted(String step, String host, String command, Map<String, String> values)
            implements IncidentEvent {
        public StepStarted(String step, String host, String command) {
            this(step, host, command, null);
        }
    }

    /**
     * {@code outcome}: OK, FAILED, CANCELLED or UNKNOWN, journaled as that word; {@code output} is redacted before it
     * gets here.
     */
    record StepFinished(String step, String host, String command, StepOutcome outcome, Integer exitStatus,
                        long durationMs, String reason, String output, Map<String, Integer> redactions)
            implements IncidentEvent {
    }

    record StepSkipped(String step, String host, String reason) implements IncidentEvent {
    }

    record ChecklistToggled(String step, int line, String item, boolean checked, String by)
            implements IncidentEvent, Signed {
    }

    /** {@code role}: "rollback-from", "rollback-to" or null. */
    record VariableSet(String name, String value, String role) implements IncidentEvent {
    }

    record DangerConfirmed(String step, String command, String reason, String typed, String by)
            implements IncidentEvent, Signed {
    }

    record BreakerAction(String action, String key, String before, String after, String result)
            implements IncidentEvent {
    }

    /**
     * {@code flaps}: changes of this check seen but not journaled one by one since the last event (debounced, see
     * PanelJournal); null when none, and in journals before issue 15.
     */
    record HealthTransition(String host, String check, String from, String to, String value, Integer flaps)
            implements IncidentEvent {
        public HealthTransition(String host, String check, String from, String to, String value) {
            this(host, check, from, to, value, null);
        }
    }

    record SeverityChanged(Severity from, Severity to, String reason, String by) implements IncidentEvent, Signed {
    }

    record NoteAdded(String text, String by) implements IncidentEvent, Signed {
    }

    /**
     * {@code type}: mitigate, prevent or process; {@code owner} and {@code ticket} (a link or an id) as entered.
     * All three are null in journals written before they existed.
     */
    record ActionItemAdded(String text, String by, String type, String owner, String ticket) implements IncidentEvent, Signed {
        public ActionItemAdded(String text, String by) {
            this(text, by, null, null, null);
        }
    }

    record LessonAdded(String text, String by) implements IncidentEvent, Signed {
    }

    /**
     * A report field the operator fills, one save per event: the postmortem's prose fields (see
     * org.incidentconsole.report.PostmortemField), detected-at, services-restarted, and the older user-impact.
     */
    record FieldSet(String field, String value, String by) implements IncidentEvent, Signed {
    }

    /** ROLLED_BACK or RECOVERED, with what marked it. */
    record Milestone(String kind, String detail) implements IncidentEvent {
    }

    record ReportExported(String path) implements IncidentEvent {
    }

    record Resolved(String summary, String by) implements IncidentEvent, Signed {
    }

    // #15 postmortem (report side): who held which role, and what was said to whom.

    /** {@code role}: incident-commander, operator, comms or scribe; {@code person} as named by {@code by}. */
    record RoleAssigned(String role, String person, String by) implements IncidentEvent, Signed {
    }

    /** A message sent or posted (status page, chat, mail), as it was sent; {@code channel} names where. */
    record MessageSent(String channel, String text, String by) implements IncidentEvent, Signed {
    }

    // issue 15, panels → journal (items 2, 3, 7): new event types, appended here to keep merges mechanical.

    /**
     * A breaker's state as the monitor saw it change: {@code from} null on the first sight of a breaker that is not
     * closed; states CLOSED, OPEN, HALF_OPEN, UNKNOWN; {@code failures} the failure count read with the new state;
     * {@code flaps} changes folded into this event by the debounce (null when none).
     */
    record BreakerTransition(String source, String service, String key, String from, String to, Long failures,
                             Integer flaps) implements IncidentEvent {
    }

    /**
     * A host's SSH connection: {@code change} is "connected" (first time), "lost" or "regained"; {@code reason} the
     * connection's own words (why it failed or dropped); {@code flaps} as for health transitions.
     */
    record ConnectionChanged(String host, String change, String reason, Integer flaps) implements IncidentEvent {
    }

    /** A comms message copied to the clipboard: which template ("initial", "progress", "rollback") and its text. */
    record CommsCopied(String template, String text, String by) implements IncidentEvent, Signed {
    }

    // #15 identity, environment and lifecycle

    /**
     * Who works the incident at this console from now on, recorded once when it is started or resumed, with the
     * machine it runs on; {@code hostKeys}: host name → SHA256 fingerprint of the SSH key used, when known.
     */
    record SessionOpened(String how, String operator, String osUser, String machine, Map<String, String> hostKeys)
            implements IncidentEvent {
    }

    /** A hand-over: {@code to} signs every act from here on. */
    record OperatorChanged(String from, String to, String by) implements IncidentEvent, Signed {
    }

    /** The title or trigger corrected after the start; a null field is unchanged. */
    record DetailsEdited(String title, String trigger, String by) implements IncidentEvent, Signed {
    }

    record StatusChanged(IncidentStatus from, IncidentStatus to, String by) implements IncidentEvent, Signed {
    }

    /** A resolved incident opened again for more work: acts are refused on a resolved incident until this. */
    record Reopened(String reason, String by) implements IncidentEvent, Signed {
    }

    // #16 walking kinds: what the operator chose, answered, marked and ended while walking a runbook as written.

    /** The top-level section the operator walks ({@code procedure} its heading, {@code line} where it starts). */
    record ProcedureChosen(String procedure, int line, String by) implements IncidentEvent, Signed {
    }

    /**
     * At a choice, the alternative the operator picked; {@code skipped} are the other alternatives' labels, never
     * run. {@code line} is where the chosen one starts.
     */
    record AlternativeChosen(String step, String chosen, int line, List<String> skipped, String by)
            implements IncidentEvent, Signed {
    }

    /** A question of the runbook answered; {@code target} the section the answer leads to, or null. */
    record DecisionAnswered(String step, String question, String answer, String target, String by)
            implements IncidentEvent, Signed {
    }

    /**
     * A manual step (instructions, or commands never run blind) marked: {@code mark} is "done", "skipped" or
     * "skipped-unattended"; {@code reason} says why when there is one.
     */
    record ManualStepMarked(String step, ManualMark mark, String reason, String by) implements IncidentEvent, Signed {
    }

    /**
     * A watch (tail -f, kubectl get -w…) ended on {@code host}: {@code stable} true when it ended with Stable
     * (outcome OK), false with Not stable (FAILED); {@code how} is "operator" or "unattended after N s";
     * {@code afterMs} how long it streamed.
     */
    record WatchEnded(String step, String host, boolean stable, String how, long afterMs, String by)
            implements IncidentEvent, Signed {
    }

    /** A step of another procedure than the one walked ({@code walking}) run on purpose. */
    record OutOfProcedure(String step, String procedure, String walking, String by)
            implements IncidentEvent, Signed {
    }

    // #19 keys and inventory (h19-keys)
    /**
     * The inventory file was read again while the incident went on: the host names added, removed and changed
     * (address, port, user or another setting), or, when it could not be read, how many problems it has.
     */
    record InventoryReloaded(String file, List<String> added, List<String> removed,
                             List<String> changed, Integer problems) implements IncidentEvent {
    }

    // #19 trends: the numbers behind the health panel, so the report can draw the recovery.

    /**
     * A check's number at the record's time ({@code unit}: "ms", "%", "hits" or ""), with its status then; at most
     * one per check per minute, sooner on a status change or a significant change (health/HealthSampler).
     */
    record HealthSample(String host, String check, String kind, double value, String unit, String status)
            implements IncidentEvent {
    }

    // #21 comms sent from the console: the message as approved, then each channel's delivery once settled.

    /**
     * A message the operator sent: {@code id} ties it to its deliveries; {@code template} "initial", "progress",
     * "rollback", "resolved" or "free"; {@code channels} the channel names from the inventory ("status-page" for
     * the status page); {@code phase} the status page status it moved to (null when not posted there).
     */
    record MessagePosted(String id, String template, String subject, String text, List<String> channels,
                         String phase, String by) implements IncidentEvent, Signed {
    }

    /**
     * How one channel's delivery of message {@code id} settled: {@code result} "delivered", "failed" or
     * "cancelled"; {@code status} the HTTP status or SMTP reply code of the last try; {@code reason} the server's
     * words, free of secrets; {@code attempts} tries made; {@code ref} the service's reference for the message
     * (a status page's incident id), else null. The record's time is when it was delivered.
     */
    record MessageDelivery(String id, String channel, String result, Integer status, String reason, int attempts,
                           String ref) implements IncidentEvent {
    }

    // #22 one incident, several consoles

    /**
     * This console's journal is shared on the coordination Redis from this record on: {@code console} is the
     * console's id in the shared timeline (the prefix of its events' eids), {@code endpoint} the Redis as the
     * operator knows it ("127.0.0.1:6380 db 0 via bastion"), {@code role} the role taken (Role's words),
     * {@code joined} true when the incident was started on another console and this one joined it (the records
     * before this one are a copy of the incident's start, not this console's acts).
     */
    record IncidentShared(String console, String endpoint, String role, boolean joined, String by)
            implements IncidentEvent, Signed {
    }

    /** This console took the run lock of {@code step} on {@code host}: {@code fence} orders every run there. */
    record RunLockTaken(String step, String host, long fence, String by) implements IncidentEvent, Signed {
    }

    /**
     * The run lock of {@code step} on {@code host} was found gone while or after it ran here ({@code reason}:
     * "expired: renewals failed", "taken by ali@laptop-2 after it expired").
     */
    record RunLockLost(String step, String host, long fence, String reason) implements IncidentEvent {
    }

    /**
     * Another console ({@code console}, worked by {@code operator}) vanished while it ran {@code step} on
     * {@code host}: its lock expired unreleased at {@code expiredAt} (ISO-8601), so what the run did there is
     * unknown until someone looks.
     */
    record RunOutcomeUnknown(String step, String host, String console, String operator, String expiredAt)
            implements IncidentEvent {
    }

    /** Someone looked at {@code host} after an unknown run of {@code step} and says what they found. */
    record UnknownRunAcknowledged(String step, String host, String console, String finding, String by)
            implements IncidentEvent, Signed {
    }

    /** The incident commander role passed from {@code from} to {@code to} (null when nobody held it). */
    record CommanderHandedOver(String from, String to, String by) implements IncidentEvent, Signed {
    }

    /**
     * A dangerous step asks a second operator before it runs: {@code request} its id, the commands as they will
     * run (redacted) and the hosts; {@code expiresAt} ISO-8601.
     */
    record ApprovalRequested(String request, String step, List<String> hosts, List<String> commands,
                             String expiresAt, String by) implements IncidentEvent, Signed {
    }

    /**
     * How an approval request ended: {@code verdict} "approved", "refused", "expired" or "waived";
     * {@code requester} who asked; {@code decidedBy} who decided (the approver, or the commander who waived it with
     * {@code reason}); null for an expiry. Not signed by this console's operator: the decider may work another
     * console.
     */
    record ApprovalDecided(String request, String step, String verdict, String requester, String reason,
                           String decidedBy)
            implements IncidentEvent {
    }
}
