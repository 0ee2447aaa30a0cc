package org.incidentconsole.ui.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentState;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.Severity;
import org.incidentconsole.report.CommsTemplates;

/**
 * The incident bar: which incident, how bad, how long, the current step's budget, and the acts on the incident
 * as a whole (start, resume, severity, note, resolve, comms). Journal first, then the bar shows it.
 */
public final class IncidentBarViewModel {
    private final Executor ui;
    private final Executor io;
    private final IncidentGateway gateway;
    private final Clock clock;
    private final String operator;

    private final SimpleBooleanProperty active = new SimpleBooleanProperty(false);
    private final SimpleStringProperty title = new SimpleStringProperty("No incident started");
    private final SimpleObjectProperty<Severity> severity = new SimpleObjectProperty<>();
    private final SimpleStringProperty elapsed = new SimpleStringProperty("");
    private final SimpleStringProperty budget = new SimpleStringProperty("");
    private final SimpleObjectProperty<StepClock.Level> budgetLevel = new SimpleObjectProperty<>(StepClock.Level.NONE);
    private final SimpleBooleanProperty resolved = new SimpleBooleanProperty(false);
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private volatile StepClock stepClock;

    public IncidentBarViewModel(Executor ui, Executor io, IncidentGateway gateway, Clock clock, String operator) {
        this.ui = ui;
        this.io = io;
        this.gateway = gateway;
        this.clock = clock;
        this.operator = operator;
    }

    public String operator() {
        return operator;
    }

    public boolean hasIncident() {
        return gateway.current() != null;
    }

    public CompletableFuture<IncidentSession> start(String title, String trigger, Severity severity, String by) {
        return async(() -> gateway.start(title, trigger, severity, by));
    }

    public CompletableFuture<IncidentSession> resume(String id) {
        return async(() -> gateway.resume(id));
    }

    public CompletableFuture<List<IncidentStore.Summary>> unfinished() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return gateway.unfinished();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
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
                throw new java.util.concurrent.CompletionException(e);
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
                throw new java.util.concurrent.CompletionException(e);
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
        return s.record(new IncidentEvent.SeverityChanged(from, to, reason, operator)).thenApply(r -> null);
    }

    public CompletableFuture<Void> note(String text) {
        IncidentSession s = gateway.current();
        if (s == null || text == null || text.isBlank()) {
            return CompletableFuture.completedFuture(null);
        }
        return s.record(new IncidentEvent.NoteAdded(text.strip(), operator)).thenApply(r -> null);
    }

    public CompletableFuture<Void> resolve(String summary) {
        IncidentSession s = gateway.current();
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        return s.record(new IncidentEvent.Resolved(summary == null ? "" : summary.strip(), operator))
                .thenApply(r -> null);
    }

    /** A chat message for the live incident: "initial", "progress" or "rollback". Null without an incident. */
    public String comms(String kind, int step, int steps, String stepTitle) {
        IncidentSession s = gateway.current();
        if (s == null) {
            return null;
        }
        IncidentState state = s.state();
        return switch (kind) {
            case "initial" -> CommsTemplates.initialAlert(state);
            case "progress" -> CommsTemplates.progress(state, step, steps, stepTitle, clock.instant());
            default -> CommsTemplates.rollbackComplete(state);
        };
    }

    public void setStepClock(StepClock clock) {
        this.stepClock = clock;
        tick();
    }

    /** Called every second on the FX thread: elapsed time and the step budget. */
    public void tick() {
        Instant now = clock.instant();
        IncidentSession s = gateway.current();
        if (s != null && s.state().startedAt() != null) {
            elapsed.set(StepClock.clock(Duration.between(s.state().startedAt(), now)));
        }
        StepClock c = stepClock;
        budget.set(c == null ? "" : c.text(now));
        budgetLevel.set(c == null ? StepClock.Level.NONE : c.level(now));
    }

    private void show(IncidentState state) {
        if (state.started() == null) {
            return;
        }
        active.set(true);
        title.set(state.started().title() + "  ·  " + state.started().id());
        severity.set(state.severity());
        resolved.set(state.resolved());
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

    public ReadOnlyBooleanProperty resolvedProperty() {
        return resolved;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The incident being worked on, or null: the Postmortem pane (#15) writes to it. */
    public org.incidentconsole.incident.IncidentSession session() {
        return gateway.current();
    }
}
