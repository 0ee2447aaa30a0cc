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
import org.incidentconsole.incident.StepNotReadyException;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.incident.VariableDefaults;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.runbook.ChecklistItem;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.runbook.Variable;
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
    private final Function<String, String> firstSuggestion;
    private final String operator;

    private final SimpleObjectProperty<Runbook> runbook = new SimpleObjectProperty<>();
    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final SimpleObjectProperty<Step> selected = new SimpleObjectProperty<>();
    private final ObservableMap<String, String> values = FXCollections.observableHashMap();
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final SimpleBooleanProperty running = new SimpleBooleanProperty(false);
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final Map<String, Boolean> ticked = new LinkedHashMap<>();
    private volatile StepRunner.StepRun current;

    /**
     * @param firstSuggestion runs a suggestion command on the first host and gives its first choice (blocking;
     *                        called on {@code io})
     */
    public StepperViewModel(Executor ui, Executor io, Supplier<IncidentSession> incident, StepRunner runner,
                            Supplier<List<Host>> hosts, Function<String, String> firstSuggestion, String operator) {
        this.ui = ui;
        this.io = io;
        this.incident = incident;
        this.runner = runner;
        this.hosts = hosts;
        this.firstSuggestion = firstSuggestion;
        this.operator = operator;
    }

    public void open(Path file) {
        io.execute(() -> {
            try {
                Runbook rb = new RunbookParser().parse(file);
                incident.get().record(IncidentEvent.RunbookLoaded.of(rb)).join();
                Map<String, String> filled = prefill(rb);
                for (Variable v : rb.variables()) {
                    String value = filled.get(v.name());
                    if (value != null) {
                        incident.get().record(new IncidentEvent.VariableSet(v.name(), value, v.role())).join();
                    }
                }
                ui.execute(() -> {
                    runbook.set(rb);
                    steps.setAll(rb.steps());
                    values.clear();
                    values.putAll(filled);
                    selected.set(rb.steps().isEmpty() ? null : rb.steps().get(0));
                    message.set(rb.problems().isEmpty() ? "" : rb.problems().size() + " lint findings");
                });
            } catch (Exception e) {
                ui.execute(() -> message.set("Could not open " + file + ": " + e.getMessage()));
            }
        });
    }

    private Map<String, String> prefill(Runbook rb) {
        List<Host> hs = hosts.get();
        return VariableDefaults.prefill(rb, hs.isEmpty() ? null : hs.get(0), firstSuggestion);
    }

    public void select(Step step) {
        selected.set(step);
    }

    public void setValue(String name, String value) {
        values.put(name, value);
    }

    /** Runs the selected step on every host; {@code confirmation} is what the operator typed for dangers. */
    public CompletableFuture<Map<String, StepRunner.HostOutcome>> run(String confirmation) {
        Step step = selected.get();
        if (step == null || running.get()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        Map<String, String> snapshot = new LinkedHashMap<>(values);
        running.set(true);
        output.clear();
        message.set("Running " + step.title() + "…");
        CompletableFuture<Map<String, StepRunner.HostOutcome>> done = new CompletableFuture<>();
        io.execute(() -> {
            try {
                current = runner.run(incident.get(), step, hosts.get(), StepRunner.defaultMode(step), snapshot,
                        confirmation, operator, (host, stream, line) -> ui.execute(() ->
                                output.add(host + (stream == StreamKind.STDERR ? " ! " : " | ") + line)));
                Map<String, StepRunner.HostOutcome> outcomes = current.outcomes().join();
                ui.execute(() -> {
                    running.set(false);
                    message.set(summary(step, outcomes));
                });
                done.complete(outcomes);
            } catch (StepNotReadyException e) {
                ui.execute(() -> {
                    running.set(false);
                    message.set(e.getMessage());
                });
                done.completeExceptionally(e);
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    running.set(false);
                    message.set("The step could not run: " + e.getMessage());
                });
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    public void cancel() {
        StepRunner.StepRun r = current;
        if (r != null) {
            r.cancel();
        }
    }

    /** Journals the tick first; the CheckBox shows it once it is on disk. */
    public CompletableFuture<Void> tick(Step step, ChecklistItem item, boolean checked) {
        return CompletableFuture.runAsync(() -> incident.get().record(new IncidentEvent.ChecklistToggled(
                step.pathText(), item.line(), item.text(), checked, operator)).join(), io)
                .thenRun(() -> ui.execute(() -> ticked.put(step.pathText() + "#" + item.line(), checked)));
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

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
