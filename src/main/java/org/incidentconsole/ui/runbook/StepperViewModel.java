package org.incidentconsole.ui.runbook;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentState;
import org.incidentconsole.incident.StepNotReadyException;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.incident.VariableDefaults;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.runbook.ChecklistItem;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.RunbookException;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ssh.StreamKind;

/**
 * The runbook stepper: the open runbook, the selected step, variable values, live output, checklist ticks.
 * Every action goes to the incident journal first; all I/O runs on {@code io}, results come back on {@code ui}.
 */
public final class StepperViewModel {
    private final Executor ui;
    private final Executor io;
    private final Supplier<IncidentSession> incident;
    private final StepRunner runner;
    private final Supplier<List<Host>> hosts;
    private final Supplier<List<Host>> targets;
    private final Function<String, String> firstSuggestion;
    private final String operator;

    private final SimpleObjectProperty<Runbook> runbook = new SimpleObjectProperty<>();
    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final SimpleObjectProperty<Step> selected = new SimpleObjectProperty<>();
    private final ObservableMap<String, String> values = FXCollections.observableHashMap();
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final SimpleBooleanProperty running = new SimpleBooleanProperty(false);
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleStringProperty willRun = new SimpleStringProperty("");
    private final SimpleStringProperty warning = new SimpleStringProperty("");
    private volatile Map<String, List<RestoredWalk.HostResult>> journaledResults = Map.of();
    /** Counts runbooks opened, so a restore that finishes after the operator opened another one is dropped. */
    private final java.util.concurrent.atomic.AtomicLong opened = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, Boolean> ticked = new LinkedHashMap<>();
    private final Map<String, String> tickedBy = new LinkedHashMap<>();
    private final ObservableList<HostOutput> hostOutputs = FXCollections.observableArrayList();
    private final ObservableMap<String, String> marks = FXCollections.observableHashMap();
    private final SimpleObjectProperty<StepRunner.Mode> mode = new SimpleObjectProperty<>(StepRunner.Mode.PARALLEL);
    private final SimpleObjectProperty<org.incidentconsole.ui.incident.StepClock> stepClock =
            new SimpleObjectProperty<>();
    private final java.time.Clock clock;
    private volatile StepRunner.StepRun current;
    private final javafx.beans.value.ObservableStringValue runBlocked;
    private final CommittedValues committed;
    private final WalkViewModel walk;
    /** When the watch running now began streaming, for its countdown; null when no watch runs. */
    private final SimpleObjectProperty<java.time.Instant> watchSince = new SimpleObjectProperty<>();
    /** Each step's output as this window last saw it, for placeholder suggestions of later steps. */
    private final Map<String, List<String>> outputs = new LinkedHashMap<>();

    /**
     * @param hosts           the inventory's hosts (read on {@code io}, for variable suggestions)
     * @param targets         the hosts the operator selected to run on (read on the UI thread when Run is pressed)
     * @param firstSuggestion runs a suggestion command on the first host and gives its first choice (blocking;
     *                        called on {@code io})
     */
    public StepperViewModel(Executor ui, Executor io, Supplier<IncidentSession> incident, StepRunner runner,
                            Supplier<List<Host>> hosts, Supplier<List<Host>> targets,
                            Function<String, String> firstSuggestion, String operator, java.time.Clock clock) {
        this(ui, io, incident, runner, hosts, targets, firstSuggestion, operator, clock,
                new SimpleStringProperty(""));
    }

    /** @param runBlocked "" when the targets may run a step, else why not (none of them connected) */
    public StepperViewModel(Executor ui, Executor io, Supplier<IncidentSession> incident, StepRunner runner,
                            Supplier<List<Host>> hosts, Supplier<List<Host>> targets,
                            Function<String, String> firstSuggestion, String operator, java.time.Clock clock,
                            javafx.beans.value.ObservableStringValue runBlocked) {
        this.runBlocked = runBlocked;
        this.committed = new CommittedValues(incident);
        this.ui = ui;
        this.io = io;
        this.incident = incident;
        this.runner = runner;
        this.hosts = hosts;
        this.targets = targets;
        this.firstSuggestion = firstSuggestion;
        this.operator = operator;
        this.clock = clock;
        this.walk = new WalkViewModel(ui, io, incident, operator, runbook, marks);
        walk.changes().addListener((obs, old, now) -> refreshWillRun());
        values.addListener((javafx.collections.MapChangeListener<String, String>) c -> refreshWillRun());
        selected.addListener((obs, old, now) -> refreshWillRun());
    }

    /** The selected step's scripts as they will run with the values now, or why they cannot run yet. */
    private void refreshWillRun() {
        Step step = selected.get();
        if (step == null || step.shellBlocks().isEmpty()) {
            willRun.set("");
            return;
        }
        List<Step> runs = walk.runs(step);
        willRun.set(runs.isEmpty() ? "choose an alternative first" : String.join("\n\n", runs.stream()
                .filter(s -> !s.shellBlocks().isEmpty()).map(s -> StepRunner.preview(s, Map.copyOf(values)))
                .toList()));
    }

    /** One host's output of the last run, with its exit status once known. */
    public static final class HostOutput {
        private final String host;
        private final ObservableList<String> lines = FXCollections.observableArrayList();
        private final SimpleStringProperty status = new SimpleStringProperty("running…");

        HostOutput(String host) {
            this.host = host;
        }

        public String host() {
            return host;
        }

        public ObservableList<String> lines() {
            return lines;
        }

        public ReadOnlyStringProperty statusProperty() {
            return status;
        }
    }

    public void open(Path file) {
        opened.incrementAndGet();
        io.execute(() -> {
            try {
                Runbook rb = new RunbookParser().parse(file);
                incident.get().record(IncidentEvent.RunbookLoaded.of(rb)).join();
                VariableDefaults.Prefilled prefilled = prefill(rb);
                Map<String, String> filled = prefilled.values();
                committed.opened(rb, filled);
                ui.execute(() -> {
                    runbook.set(rb);
                    steps.setAll(rb.steps());
                    values.clear();
                    values.putAll(filled);
                    marks.clear();
                    stepClock.set(null);
                    ticked.clear();
                    tickedBy.clear();
                    warning.set("");
                    journaledResults = Map.of();
                    select(rb.steps().isEmpty() ? null : rb.steps().get(0));
                    message.set(openMessage(rb, prefilled.reasons()));
                });
            } catch (Exception e) {
                ui.execute(() -> message.set("Could not open " + file + ": " + e.getMessage()));
            }
        });
    }

    private VariableDefaults.Prefilled prefill(Runbook rb) {
        return prefill(rb, Map.of());
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
            } catch (RunbookException | java.nio.file.InvalidPathException e) {
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
        java.util.Optional<RestoredWalk> restored = RestoredWalk.of(state, runbook);
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
                committed.restored(walk.runbook(), journaled, suggested);
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
                ui.execute(() -> message.set("Could not restore the runbook: " + e.getMessage()));
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private void show(RestoredWalk walk, Map<String, String> filled, Map<String, String> emptyBecause) {
        runbook.set(walk.runbook());
        steps.setAll(walk.runbook().steps());
        values.clear();
        values.putAll(filled);
        marks.clear();
        marks.putAll(walk.marks());
        this.walk.restore(walk.acts());
        stepClock.set(null);
        ticked.clear();
        ticked.putAll(walk.ticked());
        tickedBy.clear();
        tickedBy.putAll(walk.tickedBy());
        journaledResults = walk.results();
        showJournaled(walk.lastStep() == null ? List.of()
                : walk.results().getOrDefault(walk.lastStep(), List.of()));
        warning.set(walk.warning());
        select(walk.resumeAt());
        String opened = openMessage(walk.runbook(), emptyBecause);
        long ran = walk.runbook().steps().stream().filter(st -> walk.marks().containsKey(st.pathText())).count();
        message.set(("Resumed: " + ran + " of " + walk.runbook().steps().size()
                + " steps ran before" + (walk.resumeAt() == null ? "." : "; at " + walk.resumeAt().title() + ".")
                + (opened.isEmpty() ? "" : "  " + opened)));
    }

    /** The output tabs show a step's journaled results: each host's outcome, output excerpt and reason. */
    private void showJournaled(List<RestoredWalk.HostResult> results) {
        output.clear();
        hostOutputs.setAll(results.stream().map(r -> {
            HostOutput o = new HostOutput(r.host());
            o.status.set(r.status());
            o.lines.setAll(RestoredWalk.lines(r));
            RestoredWalk.lines(r).forEach(line -> output.add(r.host() + " | " + line));
            return o;
        }).toList());
    }

    /** Each host's last journaled result of {@code step} (restored on resume), empty if it never ran. */
    public List<RestoredWalk.HostResult> journaledResults(Step step) {
        return journaledResults.getOrDefault(step.pathText(), List.of());
    }

    /** Lint findings, and each variable left empty with the reason: "stable_ref left empty: …". */
    private static String openMessage(Runbook rb, Map<String, String> emptyBecause) {
        List<String> parts = new java.util.ArrayList<>();
        if (!rb.problems().isEmpty()) {
            parts.add(rb.problems().size() + " lint findings");
        }
        emptyBecause.forEach((name, reason) -> parts.add(name + " left empty: " + reason));
        return String.join("  ", parts);
    }

    /** Selecting a step restored from the journal shows its journaled per-host results (not while one runs). */
    public void select(Step step) {
        selected.set(step);
        List<RestoredWalk.HostResult> journaled = step == null ? null : journaledResults.get(step.pathText());
        if (journaled != null && !running.get()) {
            showJournaled(journaled);
        }
        if (step != null) {
            mode.set(StepRunner.defaultMode(step)); // the step clock follows the running step, not this one
        }
    }

    public void setMode(StepRunner.Mode m) {
        mode.set(m);
    }

    /** Where the operator is, for the progress message; null with no runbook open. */
    public org.incidentconsole.ui.incident.StepPosition position() {
        Step step = selected.get();
        return step == null ? null : new org.incidentconsole.ui.incident.StepPosition(steps.indexOf(step) + 1,
                steps.size(), step.title());
    }

    /** Per keystroke: only the preview follows; the journal hears of it on {@link #commitValue}. */
    public void setValue(String name, String value) {
        values.put(name, value);
    }

    /** The operator is done editing a value (focus left the field, Enter): journaled if it changed. */
    public CompletableFuture<Void> commitValue(String name) {
        String value = values.get(name);
        return CompletableFuture.runAsync(() -> committed.commit(name, value), io);
    }

    /** "" when Run may be pressed for the ticked hosts, else why not. */
    public javafx.beans.value.ObservableStringValue runBlockedProperty() {
        return runBlocked;
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
        Map<String, String> now = Map.copyOf(values);
        List<org.incidentconsole.runbook.Danger> dangers = StepRunner.dangers(step, now);
        if (dangers.isEmpty()) {
            return null;
        }
        return DangerConfirmation.of(step.title(), StepRunner.preview(step, now), dangers, List.copyOf(targets.get()),
                mode.get(), environment);
    }

    /** Runs the selected step on every host; {@code confirmation} is what the operator typed for dangers. */
    public CompletableFuture<Map<String, StepRunner.HostOutcome>> run(String confirmation) {
        Step step = selected.get();
        if (step == null || running.get()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        List<Host> on = List.copyOf(targets.get());
        if (on.isEmpty()) {
            message.set("No host selected to run on: tick “Run here” on at least one host.");
            return CompletableFuture.completedFuture(Map.of());
        }
        String blocked = runBlocked.get();
        if (blocked != null && !blocked.isEmpty()) {
            message.set(blocked);
            return CompletableFuture.completedFuture(Map.of());
        }
        String refused = walk.refusal(step, values);
        if (refused != null) {
            message.set(refused);
            return CompletableFuture.completedFuture(Map.of());
        }
        List<Step> runs = walk.runs(step).stream().filter(s -> !s.shellBlocks().isEmpty()).toList();
        StepRunner.Mode how = mode.get();
        Map<String, String> snapshot = new LinkedHashMap<>(values);
        running.set(true);
        stepClock.set(new org.incidentconsole.ui.incident.StepClock("Step " + (steps.indexOf(step) + 1),
                step.budget(), clock.instant())); // #19: counts from the run, stops when it ends
        Map<String, List<RestoredWalk.HostResult>> restored = new LinkedHashMap<>(journaledResults);
        restored.remove(step.pathText()); // run again here: its live output is what the tabs show from now on
        journaledResults = Map.copyOf(restored);
        output.clear();
        hostOutputs.setAll(on.stream().map(h -> new HostOutput(h.name())).toList());
        marks.put(step.pathText(), "▶");
        message.set("Running " + step.title() + " on " + on.size() + (on.size() == 1 ? " host" : " hosts")
                + (on.size() > 1 ? ", " + how.name().toLowerCase() : "") + "…");
        CompletableFuture<Map<String, StepRunner.HostOutcome>> done = new CompletableFuture<>();
        io.execute(() -> {
            try {
                snapshot.forEach(committed::commit); // an edit not committed yet is journaled before it runs
                walk.outOfProcedure(step).join(); // run on purpose outside the walked procedure: said first
                Map<String, StepRunner.HostOutcome> outcomes = Map.of();
                for (Step one : runs) {
                    current = runner.run(incident.get(), one, on, how, snapshot,
                            confirmation, operator, (host, stream, line) -> ui.execute(() -> {
                                String shown = (stream == StreamKind.STDERR ? "! " : "") + line;
                                output.add(host + (stream == StreamKind.STDERR ? " ! " : " | ") + line);
                                hostOutputs.stream().filter(o -> o.host.equals(host)).findFirst()
                                        .ifPresent(o -> o.lines.add(shown));
                            }));
                    java.time.Instant since = one.watch() ? clock.instant() : null;
                    ui.execute(() -> watchSince.set(since));
                    outcomes = current.outcomes().join();
                    if (!StepRunner.succeeded(outcomes)) {
                        break; // an alternative's later steps wait for the operator
                    }
                }
                Map<String, StepRunner.HostOutcome> ended = outcomes;
                ui.execute(() -> watchSince.set(null));
                ui.execute(() -> {
                    List<String> seen = hostOutputs.stream().flatMap(o -> o.lines.stream()).toList();
                    outputs.put(step.pathText(), seen);
                    runs.forEach(s -> outputs.put(s.pathText(), seen));
                    running.set(false);
                    stopClock();
                    message.set(summary(step, ended));
                    marks.put(step.pathText(), StepOutcomeText.mark(ended));
                    for (HostOutput o : hostOutputs) {
                        StepRunner.HostOutcome r = ended.get(o.host);
                        o.status.set(r == null ? StepRunner.NOT_RUN : r.outcome()
                                + (r.exitStatus() == null ? "" : " · exit " + r.exitStatus()));
                        if (r != null && !r.ok() && r.reason() != null && !r.reason().isBlank()) {
                            o.lines.add(StepOutcomeText.reasonLine(r.outcome(), r.reason()));
                            output.add(o.host + " " + StepOutcomeText.reasonLine(r.outcome(), r.reason()));
                        }
                    }
                });
                done.complete(ended);
            } catch (StepNotReadyException e) {
                ui.execute(() -> {
                    watchSince.set(null);
                    running.set(false);
                    stopClock();
                    marks.remove(step.pathText());
                    for (HostOutput o : hostOutputs) {
                        o.status.set(StepRunner.NOT_RUN);
                        o.lines.add(StepOutcomeText.reasonLine(StepRunner.NOT_RUN, e.getMessage()));
                    }
                    output.add(StepOutcomeText.reasonLine(StepRunner.NOT_RUN, e.getMessage()));
                    message.set(e.getMessage());
                });
                done.completeExceptionally(e);
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    watchSince.set(null);
                    running.set(false);
                    stopClock();
                    marks.put(step.pathText(), "✗");
                    message.set("The step could not run: " + e.getMessage());
                });
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Ends the watch running now: Stable is outcome OK, Not stable FAILED, journaled as ended by the operator. */
    public void endWatch(boolean stable) {
        StepRunner.StepRun r = current;
        if (r != null && watchSince.get() != null) {
            r.end(stable, "operator");
        }
    }

    /** The output of the step at {@code path} as this window last ran it (empty if it did not). */
    public List<String> outputOf(String path) {
        return outputs.getOrDefault(path, List.of());
    }

    /** Walking the runbook as written: procedure, choices, answers, manual marks. */
    public WalkViewModel walk() {
        return walk;
    }

    /** When the watch running now began, or null: the window shows Stable / Not stable and a countdown. */
    public ReadOnlyObjectProperty<java.time.Instant> watchSinceProperty() {
        return watchSince;
    }

    /** The running step ended: its clock stands still (#19). UI thread. */
    private void stopClock() {
        var c = stepClock.get();
        if (c != null) {
            stepClock.set(c.stoppedAt(clock.instant()));
        }
    }

    public void cancel() {
        StepRunner.StepRun r = current;
        if (r != null) {
            r.cancel();
        }
    }

    /** Journals the tick first; the CheckBox shows it once it is on disk. */
    public CompletableFuture<Void> tick(Step step, ChecklistItem item, boolean checked) {
        return CompletableFuture.supplyAsync(() -> incident.get().record(new IncidentEvent.ChecklistToggled(
                step.pathText(), item.line(), item.text(), checked, operator)).join(), io)
                .thenAccept(r -> {
                    String by = ((IncidentEvent.ChecklistToggled) r.data()).by(); // as signed by the session
                    String when = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                            .withZone(java.time.ZoneId.systemDefault()).format(clock.instant());
                    ui.execute(() -> {
                        ticked.put(step.pathText() + "#" + item.line(), checked);
                        if (checked) {
                            tickedBy.put(step.pathText() + "#" + item.line(), by + " " + when);
                        } else {
                            tickedBy.remove(step.pathText() + "#" + item.line());
                        }
                    });
                });
    }

    /** "alice 14:03:12" for an item ticked in this window, else null. */
    public String tickedBy(Step step, ChecklistItem item) {
        return tickedBy.get(step.pathText() + "#" + item.line());
    }

    public boolean isTicked(Step step, ChecklistItem item) {
        return ticked.getOrDefault(step.pathText() + "#" + item.line(), item.checked());
    }

    private static String summary(Step step, Map<String, StepRunner.HostOutcome> outcomes) {
        StringBuilder s = new StringBuilder(step.title()).append(": ");
        outcomes.values().forEach(o -> s.append(o.host()).append(' ').append(o.outcome())
                .append(o.exitStatus() == null ? "" : " (exit " + o.exitStatus() + ")").append("  "));
        return s.toString().strip();
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
        return values;
    }

    public ObservableList<String> output() {
        return output;
    }

    public ObservableList<HostOutput> hostOutputs() {
        return hostOutputs;
    }

    /**
     * Step path → progress mark: ▶ running, ✓ every host ended OK, – it ran on no host, ? started but never seen
     * to end (restored after a crash), ✗ otherwise.
     */
    public ObservableMap<String, String> marks() {
        return marks;
    }

    public ReadOnlyObjectProperty<StepRunner.Mode> modeProperty() {
        return mode;
    }

    public ReadOnlyObjectProperty<org.incidentconsole.ui.incident.StepClock> stepClockProperty() {
        return stepClock;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
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
        return willRun;
    }
}
