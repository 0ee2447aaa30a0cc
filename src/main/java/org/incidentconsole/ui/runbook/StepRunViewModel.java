package org.incidentconsole.ui.runbook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableMap;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.StepNotReadyException;
import org.incidentconsole.incident.StepOutcome;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.runbook.Danger;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ui.common.ErrorPresenter;
import org.incidentconsole.ssh.StreamKind;
import org.incidentconsole.ui.runbook.output.HostOutput;
import org.incidentconsole.ui.runbook.output.OutputViewModel;
import org.incidentconsole.ui.runbook.output.RunOutput;

/**
 * Running the selected step: whether Run may be pressed, the danger confirmation, the run itself on the ticked
 * hosts (its lines go to the step's run history), the mode, a watch's end, and Cancel.
 */
public final class StepRunViewModel {
    private final Executor ui;
    private final Executor io;
    private final Supplier<IncidentSession> incident;
    private final StepRunner runner;
    private final Supplier<List<Host>> targets;
    private final String operator;
    private final Clock clock;
    private final ObservableStringValue runBlocked;
    private final WalkViewModel walk;
    private final StepValuesViewModel values;
    private final ReadOnlyObjectProperty<Step> selected;
    private final ObservableMap<String, StepMark> marks;
    private final StringProperty message;
    private final OutputViewModel output;

    private final SimpleBooleanProperty running = new SimpleBooleanProperty(false);
    private final SimpleObjectProperty<StepRunner.Mode> mode = new SimpleObjectProperty<>(StepRunner.Mode.PARALLEL);
    /** When the watch running now began streaming, for its countdown; null when no watch runs. */
    private final SimpleObjectProperty<Instant> watchSince = new SimpleObjectProperty<>();
    /** Each step's output as this window last saw it, for placeholder suggestions of later steps. */
    private final Map<String, List<String>> outputs = new ConcurrentHashMap<>();
    private final BooleanBinding runEnabled;
    private volatile StepRunner.StepRun current;
    private volatile RunApproval approval = RunApproval.NOT_NEEDED;

    StepRunViewModel(Executor ui, Executor io, Supplier<IncidentSession> incident, StepRunner runner,
                     Supplier<List<Host>> targets, String operator, Clock clock, ObservableStringValue runBlocked,
                     WalkViewModel walk, StepValuesViewModel values, ReadOnlyObjectProperty<Step> selected,
                     ObservableMap<String, StepMark> marks, StringProperty message, OutputViewModel output) {
        this.ui = ui;
        this.io = io;
        this.incident = incident;
        this.runner = runner;
        this.targets = targets;
        this.operator = operator;
        this.clock = clock;
        this.runBlocked = runBlocked;
        this.walk = walk;
        this.values = values;
        this.selected = selected;
        this.marks = marks;
        this.message = message;
        this.output = output;
        this.runEnabled = Bindings.createBooleanBinding(() -> !running.get() && selected.get() != null
                        && walk.runnable(selected.get()) && (runBlocked.get() == null || runBlocked.get().isEmpty()),
                running, selected, runBlocked, walk.changes());
        selected.addListener((obs, old, now) -> {
            if (now != null) {
                mode.set(StepRunner.defaultMode(now));
            }
        });
    }

    /**
     * Run may be pressed: a step is selected, none runs, the walk lets it run (not another procedure's step
     * unasked, an alternative chosen) and the ticked hosts may run it.
     */
    public BooleanBinding runEnabledProperty() {
        return runEnabled;
    }

    /**
     * What the typed confirmation shows for the selected step on the hosts selected now, or null when it needs
     * none: no danger as it will run with the values now, or it cannot run yet (the run then says why).
     */
    public DangerConfirmation dangerConfirmation(String environment) {
        Step step = selected.get();
        if (step == null || step.shellBlocks().isEmpty()) {
            return null;
        }
        Map<String, String> now = Map.copyOf(values.values());
        List<Danger> dangers = StepRunner.dangers(step, now);
        if (dangers.isEmpty()) {
            return null;
        }
        return DangerConfirmation.of(step.title(), StepRunner.preview(step, now), dangers, List.copyOf(targets.get()),
                mode.get(), environment);
    }

    /** Why the selected step cannot start now, or null: no host ticked, none connected, the walk refuses it. */
    private String refusal(Step step, List<Host> on) {
        if (on.isEmpty()) {
            return "No host selected to run on: tick “Run here” on at least one host.";
        }
        String blocked = runBlocked.get();
        if (blocked != null && !blocked.isEmpty()) {
            return blocked;
        }
        return walk.refusal(step, values.values());
    }

    /** Runs the selected step on every host; {@code confirmation} is what the operator typed for dangers. */
    public CompletableFuture<Map<String, StepRunner.HostOutcome>> run(String confirmation) {
        Step step = selected.get();
        if (step == null || running.get()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        List<Host> on = List.copyOf(targets.get());
        String refused = refusal(step, on);
        if (refused != null) {
            message.set(refused);
            return CompletableFuture.completedFuture(Map.of());
        }
        List<Step> runs = walk.runs(step).stream().filter(s -> !s.shellBlocks().isEmpty()).toList();
        StepRunner.Mode how = mode.get();
        Map<String, String> snapshot = new LinkedHashMap<>(values.values());
        CompletableFuture<Map<String, StepRunner.HostOutcome>> done = new CompletableFuture<>();
        if (StepRunner.dangers(step, snapshot).isEmpty()) {
            start(step, on, runs, how, snapshot, confirmation, done);
            return done;
        }
        running.set(true); // a dangerous step waits for a second pair of eyes first (#22)
        message.set("Asking for approval of " + step.title() + "…");
        approval.approve(step, on, List.of(StepRunner.preview(step, snapshot))).whenComplete((answer, e) ->
                ui.execute(() -> {
                    running.set(false);
                    if (e == null && answer != null && answer.run()) {
                        start(step, on, runs, how, snapshot, confirmation, done);
                    } else {
                        message.set(e != null ? ErrorPresenter.logged("The approval could not be asked", e)
                                : step.title() + " did not run: "
                                        + (answer == null ? "not approved." : answer.message()));
                        done.complete(Map.of());
                    }
                }));
        return done;
    }

    /** Who approves dangerous steps before they run: set when the incident is shared (#22). */
    public void setApproval(RunApproval approval) {
        this.approval = approval == null ? RunApproval.NOT_NEEDED : approval;
    }

    private void start(Step step, List<Host> on, List<Step> runs, StepRunner.Mode how, Map<String, String> snapshot,
                       String confirmation, CompletableFuture<Map<String, StepRunner.HostOutcome>> done) {
        running.set(true);
        RunOutput lines = output.start(step.pathText(), on.stream().map(Host::name).toList(), clock.instant());
        marks.put(step.pathText(), StepMark.RUNNING);
        message.set("Running " + step.title() + " on " + on.size() + (on.size() == 1 ? " host" : " hosts")
                + (on.size() > 1 ? ", " + how.name().toLowerCase(Locale.ROOT) : "") + "…");
        io.execute(() -> {
            try {
                values.commitAll(snapshot); // an edit not committed yet is journaled before it runs
                walk.outOfProcedure(step).join(); // run on purpose outside the walked procedure: said first
                Map<String, StepRunner.HostOutcome> outcomes = Map.of();
                for (Step one : runs) {
                    current = runner.run(incident.get(), one, on, how, snapshot, confirmation, operator,
                            (host, stream, line) -> {
                                Instant at = clock.instant();
                                ui.execute(() -> lines.add(host, stream == StreamKind.STDERR, line, at));
                            });
                    Instant since = one.watch() ? clock.instant() : null;
                    ui.execute(() -> watchSince.set(since));
                    outcomes = current.outcomes().join();
                    if (!StepRunner.succeeded(outcomes)) {
                        break; // an alternative's later steps wait for the operator
                    }
                }
                Map<String, StepRunner.HostOutcome> ended = outcomes;
                ui.execute(() -> ended(step, runs, lines, ended));
                done.complete(ended);
            } catch (StepNotReadyException e) {
                ui.execute(() -> {
                    watchSince.set(null);
                    running.set(false);
                    marks.remove(step.pathText());
                    lines.hosts().forEach(o -> o.setStatus(StepOutcome.NOT_RUN.name()));
                    lines.addNote(StepOutcomeText.reasonLine(StepOutcome.NOT_RUN, e.getMessage()), clock.instant());
                    message.set(e.getMessage());
                });
                done.completeExceptionally(e);
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    watchSince.set(null);
                    running.set(false);
                    marks.put(step.pathText(), StepMark.FAILED);
                    message.set(ErrorPresenter.logged("The step could not run", e));
                });
                done.completeExceptionally(e);
            }
        });
    }

    private void ended(Step step, List<Step> runs, RunOutput lines, Map<String, StepRunner.HostOutcome> ended) {
        watchSince.set(null);
        List<String> seen = lines.hosts().stream().flatMap(o -> o.lines().stream()).toList();
        outputs.put(step.pathText(), seen);
        runs.forEach(s -> outputs.put(s.pathText(), seen));
        running.set(false);
        message.set(summary(step, ended));
        marks.put(step.pathText(), StepMark.after(ended));
        for (HostOutput o : lines.hosts()) {
            StepRunner.HostOutcome r = ended.get(o.host());
            o.setStatus(r == null ? StepOutcome.NOT_RUN.name() : r.outcome()
                    + (r.exitStatus() == null ? "" : " · exit " + r.exitStatus()));
            if (r != null && !r.ok() && r.reason() != null && !r.reason().isBlank()) {
                lines.addHostNote(o.host(), StepOutcomeText.reasonLine(r.outcome(), r.reason()), clock.instant());
            }
        }
    }

    private static String summary(Step step, Map<String, StepRunner.HostOutcome> outcomes) {
        StringBuilder s = new StringBuilder(step.title()).append(": ");
        outcomes.values().forEach(o -> s.append(o.host()).append(' ').append(o.outcome())
                .append(o.exitStatus() == null ? "" : " (exit " + o.exitStatus() + ")").append("  "));
        return s.toString().strip();
    }

    /** Ends the watch running now: Stable is outcome OK, Not stable FAILED, journaled as ended by the operator. */
    public void endWatch(boolean stable) {
        StepRunner.StepRun r = current;
        if (r != null && watchSince.get() != null) {
            r.end(stable, "operator");
        }
    }

    public void cancel() {
        StepRunner.StepRun r = current;
        if (r != null) {
            r.cancel();
        }
    }

    /** The output of the step at {@code path} as this window last ran it (empty if it did not). */
    public List<String> outputOf(String path) {
        return outputs.getOrDefault(path, List.of());
    }

    void forgetOutputs() {
        outputs.clear();
    }

    public void setMode(StepRunner.Mode m) {
        mode.set(m);
    }

    public ReadOnlyObjectProperty<StepRunner.Mode> modeProperty() {
        return mode;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** When the watch running now began, or null: the window shows Stable / Not stable and a countdown. */
    public ReadOnlyObjectProperty<Instant> watchSinceProperty() {
        return watchSince;
    }

    /** "" when Run may be pressed for the ticked hosts, else why not. */
    public ObservableStringValue runBlockedProperty() {
        return runBlocked;
    }
}
