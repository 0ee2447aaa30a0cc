package org.incidentconsole.ui.runbook;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentState;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.incident.VariableDefaults;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.runbook.ChecklistItem;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.RunbookException;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ui.common.ErrorPresenter;
import org.incidentconsole.ui.incident.StepClock;
import org.incidentconsole.ui.incident.StepPosition;
import org.incidentconsole.ui.runbook.output.HostOutput;
import org.incidentconsole.ui.runbook.output.OutputViewModel;
import org.incidentconsole.ui.runbook.output.RunOutput;

/**
 * The runbook stepper: the open runbook, its steps and the selected one, opening and resuming. The rest lives in
 * the parts it holds: {@link StepValuesViewModel} (values and what will run), {@link StepRunViewModel} (running),
 * {@link ChecklistViewModel} (ticks), {@link OutputViewModel} (each step's run history), {@link WalkViewModel}
 * (procedures, choices, answers). Every action goes to the incident journal first; all I/O runs on {@code io},
 * results come back on {@code ui}.
 */
public final class StepperViewModel {
    private final Executor ui;
    private final Executor io;
    private final Supplier<IncidentSession> incident;
    private final Supplier<List<Host>> hosts;
    private final Function<String, String> firstSuggestion;
    private final Clock clock;

    private final SimpleObjectProperty<Runbook> runbook = new SimpleObjectProperty<>();
    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final SimpleObjectProperty<Step> selected = new SimpleObjectProperty<>();
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleStringProperty warning = new SimpleStringProperty("");
    private final ObservableMap<String, StepMark> marks = FXCollections.observableHashMap();
    private final SimpleObjectProperty<StepClock> stepClock = new SimpleObjectProperty<>();
    private volatile Map<String, List<RestoredWalk.HostResult>> journaledResults = Map.of();
    /** Counts runbooks opened, so a restore that finishes after the operator opened another one is dropped. */
    private final AtomicLong opened = new AtomicLong();
    private final WalkViewModel walk;
    private final StepValuesViewModel values;
    private final ChecklistViewModel checklist;
    private final OutputViewModel output = new OutputViewModel();
    private final StepRunViewModel runs;
    private final UnknownRunsViewModel unknownRuns;

    /**
     * @param hosts           the inventory's hosts (read on {@code io}, for variable suggestions)
     * @param targets         the hosts the operator selected to run on (read on the UI thread when Run is pressed)
     * @param firstSuggestion runs a suggestion command on the first host and gives its first choice (blocking;
     *                        called on {@code io})
     */
    public StepperViewModel(Executor ui, Executor io, Supplier<IncidentSession> incident, StepRunner runner,
                            Supplier<List<Host>> hosts, Supplier<List<Host>> targets,
                            Function<String, String> firstSuggestion, String operator, Clock clock) {
        this(ui, io, incident, runner, hosts, targets, firstSuggestion, operator, clock,
                new SimpleStringProperty(""));
    }

    /** @param runBlocked "" when the targets may run a step, else why not (none of them connected) */
    public StepperViewModel(Executor ui, Executor io, Supplier<IncidentSession> incident, StepRunner runner,
                            Supplier<List<Host>> hosts, Supplier<List<Host>> targets,
                            Function<String, String> firstSuggestion, String operator, Clock clock,
                            ObservableStringValue runBlocked) {
        this.ui = ui;
        this.io = io;
        this.incident = incident;
        this.hosts = hosts;
        this.firstSuggestion = firstSuggestion;
        this.clock = clock;
        this.walk = new WalkViewModel(ui, io, incident, operator, runbook, marks);
        this.values = new StepValuesViewModel(io, incident, walk, selected);
        this.checklist = new ChecklistViewModel(ui, io, incident, operator, clock);
        this.runs = new StepRunViewModel(ui, io, incident, runner, targets, operator, clock, runBlocked, walk,
                values, selected, marks, message, output);
        this.unknownRuns = new UnknownRunsViewModel(ui, io, incident, runner, operator, selected, message);
        // the step clock counts from a run's start and stands still when it ends; it follows the running step
        runs.runningProperty().addListener((obs, was, now) -> clockRun(now));
        runs.runningProperty().addListener((obs, was, now) -> {
            if (!now) {
                unknownRuns.refresh(); // a refused host may have found a run whose console vanished
            }
        });
    }

    private void clockRun(boolean running) {
        Step step = selected.get();
        StepClock c = stepClock.get();
        if (running && step != null) {
            stepClock.set(new StepClock("Step " + (steps.indexOf(step) + 1), step.budget(), clock.instant()));
        } else if (!running && c != null) {
            stepClock.set(c.stoppedAt(clock.instant()));
        }
    }

    public void open(Path file) {
        opened.incrementAndGet();
        io.execute(() -> {
            try {
                Runbook rb = new RunbookParser().parse(file);
                incident.get().record(IncidentEvent.RunbookLoaded.of(rb)).join();
                VariableDefaults.Prefilled prefilled = prefill(rb, Map.of());
                Map<String, String> filled = prefilled.values();
                values.opened(rb, filled);
                ui.execute(() -> {
                    runbook.set(rb);
                    steps.setAll(rb.steps());
                    values.show(filled);
                    marks.clear();
                    stepClock.set(null);
                    checklist.show(Map.of(), Map.of());
                    warning.set("");
                    journaledResults = Map.of();
                    output.clear();
                    runs.forgetOutputs();
                    select(rb.steps().isEmpty() ? null : rb.steps().get(0));
                    message.set(openMessage(rb, prefilled.reasons()));
                });
            } catch (Exception e) {
                ui.execute(() -> message.set(ErrorPresenter.logged("Could not open " + file, e)));
            }
        });
    }

    /** Suggests values only for variables not in {@code known}: a journaled value is never re-suggested. */
    private VariableDefaults.Prefilled prefill(Runbook rb, Map<String, String> known) {
        List<Host> hs = hosts.get();
        return VariableDefaults.prefillWithReasons(rb, hs.isEmpty() ? null : hs.get(0), firstSuggestion, known);
    }

    /**
     * A resumed incident: reopens the runbook from the path in its journal (off the UI thread) and restores the
     * walk as journaled, see {@link #restore}. Nothing runs by itself.
     */
    public CompletableFuture<Void> resume(IncidentState state) {
        IncidentEvent.RunbookLoaded loaded = state.walk().runbook();
        if (loaded == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new RunbookParser().parse(Path.of(loaded.source()));
            } catch (RunbookException | InvalidPathException e) {
                return null;
            }
        }, io).thenCompose(rb -> restore(state, rb));
    }

    /**
     * Shows the walk as the journal left it: the journaled step list (see {@link RestoredWalk}), marks, each
     * host's last outcome and output, ticks with who/when, and every variable as last set; values are suggested
     * only for variables the journal never set. A step the journal saw start but not end reads UNKNOWN (?).
     *
     * @param runbook the runbook read from the journaled path now, or null when it is missing or unreadable
     */
    public CompletableFuture<Void> restore(IncidentState state, Runbook runbook) {
        Optional<RestoredWalk> restored = RestoredWalk.of(state, runbook);
        if (restored.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        RestoredWalk walk = restored.get();
        long generation = opened.get();
        Map<String, String> journaled = new LinkedHashMap<>(state.variables());
        CompletableFuture<Void> done = new CompletableFuture<>();
        io.execute(() -> {
            try {
                if (generation != opened.get()) {
                    done.complete(null); // the operator opened a runbook meanwhile: that one stands
                    return;
                }
                // a gone file's walk declares no variables: nothing is suggested, the journaled values stand
                VariableDefaults.Prefilled prefilled = prefill(walk.runbook(), journaled);
                Map<String, String> suggested = new LinkedHashMap<>(prefilled.values());
                suggested.keySet().removeAll(journaled.keySet());
                values.restored(walk.runbook(), journaled, suggested);
                Map<String, String> filled = new LinkedHashMap<>(journaled);
                filled.putAll(suggested);
                Map<String, String> emptyBecause = prefilled.reasons();
                ui.execute(() -> {
                    if (generation == opened.get()) {
                        show(walk, filled, emptyBecause);
                    }
                    done.complete(null);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> message.set(ErrorPresenter.logged("Could not restore the runbook", e)));
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private void show(RestoredWalk walk, Map<String, String> filled, Map<String, String> emptyBecause) {
        runbook.set(walk.runbook());
        steps.setAll(walk.runbook().steps());
        values.show(filled);
        marks.clear();
        marks.putAll(walk.marks());
        this.walk.restore(walk.acts());
        stepClock.set(null);
        checklist.show(walk.ticked(), walk.tickedBy());
        journaledResults = walk.results();
        output.clear();
        runs.forgetOutputs();
        walk.results().forEach(this::showJournaled);
        warning.set(walk.warning());
        select(walk.resumeAt());
        String opened = openMessage(walk.runbook(), emptyBecause);
        long ran = walk.runbook().steps().stream().filter(st -> walk.marks().containsKey(st.pathText())).count();
        message.set(("Resumed: " + ran + " of " + walk.runbook().steps().size()
                + " steps ran before" + (walk.resumeAt() == null ? "." : "; at " + walk.resumeAt().title() + ".")
                + (opened.isEmpty() ? "" : "  " + opened)));
    }

    /** A step's journaled results become its first run: each host's outcome, output excerpt and reason. */
    private void showJournaled(String path, List<RestoredWalk.HostResult> results) {
        RunOutput run = output.start(path, results.stream().map(RestoredWalk.HostResult::host).toList(), null);
        for (RestoredWalk.HostResult r : results) {
            run.host(r.host()).ifPresent(o -> o.setStatus(r.status()));
            RestoredWalk.lines(r).forEach(line -> run.add(r.host(), false, line, null));
        }
    }

    /** Each host's last journaled result of {@code step} (restored on resume), empty if it never ran. */
    public List<RestoredWalk.HostResult> journaledResults(Step step) {
        return journaledResults.getOrDefault(step.pathText(), List.of());
    }

    /** Lint findings, and each variable left empty with the reason: "stable_ref left empty: …". */
    private static String openMessage(Runbook rb, Map<String, String> emptyBecause) {
        List<String> parts = new ArrayList<>();
        if (!rb.problems().isEmpty()) {
            parts.add(rb.problems().size() + " lint findings");
        }
        emptyBecause.forEach((name, reason) -> parts.add(name + " left empty: " + reason));
        return String.join("  ", parts);
    }

    /** Selecting a step shows its own output: its newest run (live or journaled) and its run history. */
    public void select(Step step) {
        selected.set(step);
        output.showStep(step == null ? null : step.pathText());
    }

    /** Where the operator is, for the progress message; null with no runbook open. */
    public StepPosition position() {
        Step step = selected.get();
        return step == null ? null : new StepPosition(steps.indexOf(step) + 1, steps.size(), step.title());
    }

    /** Values and what will run. */
    public StepValuesViewModel stepValues() {
        return values;
    }

    /** Running the selected step. */
    public StepRunViewModel runs() {
        return runs;
    }

    /** The selected step's runs whose console vanished (shared incidents), to acknowledge. */
    public UnknownRunsViewModel unknownRuns() {
        return unknownRuns;
    }

    public ChecklistViewModel checklist() {
        return checklist;
    }

    /** Each step's run history and how it is shown. */
    public OutputViewModel outputs() {
        return output;
    }

    /** Walking the runbook as written: procedure, choices, answers, manual marks. */
    public WalkViewModel walk() {
        return walk;
    }

    // The parts' most used members, kept here for callers of the stepper as one object.

    public void setMode(StepRunner.Mode m) {
        runs.setMode(m);
    }

    public void setValue(String name, String value) {
        values.setValue(name, value);
    }

    public CompletableFuture<Void> commitValue(String name) {
        return values.commitValue(name);
    }

    public ObservableStringValue runBlockedProperty() {
        return runs.runBlockedProperty();
    }

    public DangerConfirmation dangerConfirmation(String environment) {
        return runs.dangerConfirmation(environment);
    }

    public CompletableFuture<Map<String, StepRunner.HostOutcome>> run(String confirmation) {
        return runs.run(confirmation);
    }

    public void endWatch(boolean stable) {
        runs.endWatch(stable);
    }

    public List<String> outputOf(String path) {
        return runs.outputOf(path);
    }

    public ReadOnlyObjectProperty<Instant> watchSinceProperty() {
        return runs.watchSinceProperty();
    }

    public void cancel() {
        runs.cancel();
    }

    public CompletableFuture<Void> tick(Step step, ChecklistItem item, boolean checked) {
        return checklist.tick(step, item, checked);
    }

    public String tickedBy(Step step, ChecklistItem item) {
        return checklist.tickedBy(step, item);
    }

    public boolean isTicked(Step step, ChecklistItem item) {
        return checklist.isTicked(step, item);
    }

    public ReadOnlyObjectProperty<Runbook> runbookProperty() {
        return runbook;
    }

    public ObservableList<Step> steps() {
        return steps;
    }

    public ReadOnlyObjectProperty<Step> selectedProperty() {
        return selected;
    }

    public ObservableMap<String, String> values() {
        return values.values();
    }

    /** The shown run's lines of every host ("web-01 | …"): the selected step's newest run. */
    public ObservableList<String> output() {
        return output.lines();
    }

    /** The shown run's output per host. */
    public ObservableList<HostOutput> hostOutputs() {
        return output.hosts();
    }

    /**
     * Step path → progress mark: ▶ running, ✓ every host ended OK, – it ran on no host, ? started but never seen
     * to end (restored after a crash), ✗ otherwise.
     */
    public ObservableMap<String, StepMark> marks() {
        return marks;
    }

    public ReadOnlyObjectProperty<StepRunner.Mode> modeProperty() {
        return runs.modeProperty();
    }

    public ReadOnlyObjectProperty<StepClock> stepClockProperty() {
        return stepClock;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return runs.runningProperty();
    }

    /** One sentence when the journaled runbook's file is gone or changed since, else "". */
    public ReadOnlyStringProperty warningProperty() {
        return warning;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Read-only "will run:" text: the selected step's commands with the values filled in as they will run. */
    public ReadOnlyStringProperty willRunProperty() {
        return values.willRunProperty();
    }
}
