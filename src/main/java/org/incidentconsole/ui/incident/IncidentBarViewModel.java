package org.incidentconsole.ui.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.incidentconsole.incident.CommsCadence;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentState;
import org.incidentconsole.incident.IncidentStatus;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.inventory.NotifySettings;
import org.incidentconsole.report.CommsFacts;
import org.incidentconsole.report.CommsTemplate;
import org.incidentconsole.severity.Severity;

/**
 * The incident bar: which incident, how bad, how long, the current step's budget, and the acts on the incident
 * as a whole (start, resume, severity, status, details, hand-over, note, resolve, reopen, comms). Journal first,
 * then the bar shows it. Every act is signed by the operator named at start or resume (the session signs).
 */
public final class IncidentBarViewModel {
    private final Executor ui;
    private final Executor io;
    private final IncidentGateway gateway;
    private final Clock clock;
    private final String defaultOperator;

    private final SimpleBooleanProperty active = new SimpleBooleanProperty(false);
    private final SimpleStringProperty title = new SimpleStringProperty("No incident started");
    private final SimpleObjectProperty<Severity> severity = new SimpleObjectProperty<>();
    private final SimpleStringProperty elapsed = new SimpleStringProperty("");
    private final SimpleStringProperty budget = new SimpleStringProperty("");
    private final SimpleObjectProperty<StepClock.Level> budgetLevel = new SimpleObjectProperty<>(StepClock.Level.NONE);
    private final SimpleBooleanProperty resolved = new SimpleBooleanProperty(false);
    private final SimpleObjectProperty<IncidentStatus> status = new SimpleObjectProperty<>();
    private final SimpleStringProperty operator = new SimpleStringProperty();
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleStringProperty nextUpdate = new SimpleStringProperty("");
    private final SimpleObjectProperty<CommsCadence.Level> cadence =
            new SimpleObjectProperty<>(CommsCadence.Level.NONE);
    private volatile StepClock stepClock;
    private volatile Duration updateEvery = NotifySettings.DEFAULT_UPDATE_EVERY;

    public IncidentBarViewModel(Executor ui, Executor io, IncidentGateway gateway, Clock clock, String operator) {
        this.ui = ui;
        this.io = io;
        this.gateway = gateway;
        this.clock = clock;
        this.defaultOperator = operator;
        this.operator.set(operator);
    }

    /** Who signs at this console: the operator of the open incident, else the one the console was started for. */
    public String operator() {
        return operator.get();
    }

    public boolean hasIncident() {
        return gateway.current() != null;
    }

    public CompletableFuture<IncidentSession> start(String title, String trigger, Severity severity, String by) {
        return async(() -> gateway.start(title, trigger, severity, by));
    }

    public CompletableFuture<IncidentSession> resume(String id, String by) {
        return async(() -> gateway.resume(id, by == null || by.isBlank() ? defaultOperator : by.strip()));
    }

    /** Unresolved incidents for the start/resume dialog; those that cannot be resumed here carry the reason. */
    public CompletableFuture<List<IncidentStore.Candidate>> candidates() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return gateway.candidates();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, io);
    }

    private CompletableFuture<IncidentSession> async(Opening opening) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                IncidentSession s = opening.open();
                s.addListener(state -> ui.execute(() -> show(state)));
                IncidentState now = s.state();
                ui.execute(() -> show(now));
                return s;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, io);
    }

    private interface Opening {
        IncidentSession open() throws Exception;
    }

    /** Writes the report off the UI thread; the bar's message says where. */
    public CompletableFuture<IncidentGateway.ReportExport> export() {
        message.set("Exporting the report…");
        return CompletableFuture.supplyAsync(() -> {
            try {
                IncidentGateway.ReportExport report = gateway.export();
                ui.execute(() -> message.set("Report written to " + report.file()));
                return report;
            } catch (Exception e) {
                ui.execute(() -> message.set(""));
                throw new CompletionException(e);
            }
        }, io);
    }

    /** Journals the change of severity with why, e.g. "the advisor's reading" or "set by the operator". */
    public CompletableFuture<Void> setSeverity(Severity to, String reason) {
        IncidentSession s = gateway.current();
        if (s == null || to == null || to == s.state().severity()) {
            return CompletableFuture.completedFuture(null);
        }
        Severity from = s.state().severity();
        return s.record(new IncidentEvent.SeverityChanged(from, to, reason, s.operator())).thenApply(r -> null);
    }

    public CompletableFuture<Void> note(String text) {
        IncidentSession s = gateway.current();
        if (s == null || text == null || text.isBlank()) {
            return CompletableFuture.completedFuture(null);
        }
        return s.record(new IncidentEvent.NoteAdded(text.strip(), s.operator())).thenApply(r -> null);
    }

    /** Investigating → identified → monitoring; resolved only through {@link #resolve}. */
    public CompletableFuture<Void> setStatus(IncidentStatus to) {
        IncidentSession s = gateway.current();
        IncidentStatus from = s == null ? null : s.state().lifecycle().status();
        if (s == null || to == null || to == from || to == IncidentStatus.RESOLVED) {
            return CompletableFuture.completedFuture(null);
        }
        return s.record(new IncidentEvent.StatusChanged(from, to, s.operator())).thenApply(r -> null);
    }

    /** The fields the Edit dialog shows, as they stand in the journal. */
    public IncidentDetails details() {
        IncidentSession s = gateway.current();
        if (s == null) {
            return null;
        }
        IncidentState st = s.state();
        return new IncidentDetails(st.lifecycle().title(), st.lifecycle().trigger(), st.severity(),
                st.fields().getOrDefault("user-impact", ""), st.fields().getOrDefault("detected-at", ""));
    }

    /**
     * Journals what the Edit dialog changed, each signed: title and trigger together, severity, impact and
     * detection time (ISO-8601, e.g. 2026-11-24T07:58:00Z, as the report reads it). Unchanged fields write nothing.
     */
    public CompletableFuture<Void> edit(IncidentDetails to) {
        IncidentSession s = gateway.current();
        IncidentDetails from = details();
        if (s == null || to == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (!to.detectedAt().isBlank()) {
            try {
                Instant.parse(to.detectedAt().strip());
            } catch (DateTimeParseException e) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("detection time '"
                        + to.detectedAt() + "' is not like 2026-11-24T07:58:00Z"));
            }
        }
        String title = changed(from.title(), to.title());
        String trigger = changed(from.trigger(), to.trigger());
        List<CompletableFuture<?>> writes = new ArrayList<>();
        if (title != null || trigger != null) {
            writes.add(s.record(new IncidentEvent.DetailsEdited(title, trigger, s.operator())));
        }
        if (to.severity() != null && to.severity() != from.severity()) {
            writes.add(setSeverity(to.severity(), "edited by the operator"));
        }
        if (changed(from.impact(), to.impact()) != null) {
            writes.add(s.record(new IncidentEvent.FieldSet("user-impact", to.impact().strip(), s.operator())));
        }
        if (changed(from.detectedAt(), to.detectedAt()) != null) {
            writes.add(s.record(new IncidentEvent.FieldSet("detected-at", to.detectedAt().strip(), s.operator())));
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    private static String changed(String from, String to) {
        return to == null || to.isBlank() || to.strip().equals(from) ? null : to.strip();
    }

    /** Hands the incident over to another operator: journaled; every later act at this console is theirs. */
    public CompletableFuture<Void> handOver(String to) {
        IncidentSession s = gateway.current();
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        return s.handOver(to).thenApply(r -> null);
    }

    /** What to ask before Resolve: the checks still CRITICAL, or null when none is. */
    public String resolveWarning() {
        List<String> critical = gateway.criticalChecks();
        return critical.isEmpty() ? null : "Still CRITICAL: " + String.join(", ", critical)
                + ". Resolve anyway?";
    }

    public CompletableFuture<Void> resolve(String summary) {
        IncidentSession s = gateway.current();
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        return s.record(new IncidentEvent.Resolved(summary == null ? "" : summary.strip(), s.operator()))
                .thenApply(r -> null);
    }

    /** Opens a resolved incident again, with why: acts are refused on it until this. */
    public CompletableFuture<Void> reopen(String reason) {
        IncidentSession s = gateway.current();
        if (s == null || !s.state().resolved()) {
            return CompletableFuture.completedFuture(null);
        }
        return s.record(new IncidentEvent.Reopened(reason == null ? "" : reason.strip(), s.operator()))
                .thenApply(r -> null);
    }

    /** The template filled from the journal, the step given and the update interval; null without an incident. */
    public CommsTemplate.Filled fill(CommsTemplate template, int step, int steps, String stepTitle) {
        CommsFacts facts = facts(step, steps, stepTitle);
        return facts == null ? null : template.fill(facts);
    }

    /** The live incident's facts for a message, or null without an incident. */
    public CommsFacts facts(int step, int steps, String stepTitle) {
        IncidentSession s = gateway.current();
        return s == null ? null : CommsFacts.of(s.state(), step, steps, stepTitle, clock.instant(), updateEvery);
    }

    /** How often a progress update is due after the initial alert (the inventory's {@code notify.update_every}). */
    public void setUpdateEvery(Duration every) {
        this.updateEvery = every == null ? NotifySettings.DEFAULT_UPDATE_EVERY : every;
        tick();
    }

    public Duration updateEvery() {
        return updateEvery;
    }

    public void setStepClock(StepClock clock) {
        this.stepClock = clock;
        tick();
    }

    /**
     * Called every second on the FX thread: elapsed time, the step budget and when the next comms update is due;
     * all stop at Resolve.
     */
    public void tick() {
        Instant now = clock.instant();
        IncidentSession s = gateway.current();
        Instant end = s == null ? null : s.state().lifecycle().resolvedAt();
        if (s != null && s.state().startedAt() != null) {
            elapsed.set(StepClock.clock(Duration.between(s.state().startedAt(), end == null ? now : end)));
        }
        StepClock c = end == null ? stepClock : null;
        budget.set(c == null ? "" : c.text(now));
        budgetLevel.set(c == null ? StepClock.Level.NONE : c.level(now));
        CommsCadence due = s == null ? CommsCadence.NONE : CommsCadence.of(s.state(), updateEvery, now);
        nextUpdate.set(s == null ? "" : due.text(CommsCadence.zone(s.state())));
        cadence.set(due.level());
    }

    private void show(IncidentState state) {
        if (state.started() == null) {
            return;
        }
        active.set(true);
        title.set(state.lifecycle().title() + "  ·  " + state.started().id());
        severity.set(state.severity());
        resolved.set(state.resolved());
        status.set(state.lifecycle().status());
        IncidentSession s = gateway.current();
        operator.set(s != null && s.operator() != null ? s.operator() : state.lifecycle().operator());
        tick();
    }

    public void showMessage(String text) {
        message.set(text);
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyObjectProperty<Severity> severityProperty() {
        return severity;
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed;
    }

    public ReadOnlyStringProperty budgetProperty() {
        return budget;
    }

    public ReadOnlyObjectProperty<StepClock.Level> budgetLevelProperty() {
        return budgetLevel;
    }

    /** "Next update 14:20", "Update overdue 3 min", or "" before the initial alert and after Resolve. */
    public ReadOnlyStringProperty nextUpdateProperty() {
        return nextUpdate;
    }

    public ReadOnlyObjectProperty<CommsCadence.Level> cadenceProperty() {
        return cadence;
    }

    public ReadOnlyBooleanProperty resolvedProperty() {
        return resolved;
    }

    public ReadOnlyObjectProperty<IncidentStatus> statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty operatorProperty() {
        return operator;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The incident being worked on, or null: the Postmortem pane (#15) writes to it. */
    public IncidentSession session() {
        return gateway.current();
    }
}
