package org.incidentconsole.ui.runbook;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.runbook.Placeholder;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.Step;

/**
 * The values of the open runbook's variables and placeholders: which fields a step shows, what it will run with
 * the values now, and journaling an edit once it is committed (never per keystroke).
 */
public final class StepValuesViewModel {
    private final Executor io;
    private final WalkViewModel walk;
    private final ReadOnlyObjectProperty<Step> selected;
    private final CommittedValues committed;
    private final ObservableMap<String, String> values = FXCollections.observableHashMap();
    private final SimpleStringProperty willRun = new SimpleStringProperty("");

    StepValuesViewModel(Executor io, Supplier<IncidentSession> incident, WalkViewModel walk,
                        ReadOnlyObjectProperty<Step> selected) {
        this.io = io;
        this.walk = walk;
        this.selected = selected;
        this.committed = new CommittedValues(incident);
        walk.changes().addListener((obs, old, now) -> refreshWillRun());
        values.addListener((MapChangeListener<String, String>) c -> refreshWillRun());
        selected.addListener((obs, old, now) -> refreshWillRun());
    }

    /** A runbook was opened (blocking, on {@code io}): its prefilled values are journaled. */
    void opened(Runbook rb, Map<String, String> prefilled) {
        committed.opened(rb, prefilled);
    }

    /** A walk was restored (blocking, on {@code io}): journaled values stand, suggestions are journaled. */
    void restored(Runbook rb, Map<String, String> journaled, Map<String, String> suggested) {
        committed.restored(rb, journaled, suggested);
    }

    /** Shows {@code filled} as the values now (UI thread). */
    void show(Map<String, String> filled) {
        values.clear();
        values.putAll(filled);
    }

    /**
     * The names of the fields {@code step} shows, in order: its variables by name, other placeholders by token;
     * for a choice, the chosen alternative's.
     */
    public List<String> fieldNames(Step step) {
        List<Step> runs = walk.runs(step);
        List<Placeholder> shown = runs.isEmpty() ? step.placeholders()
                : runs.stream().flatMap(r -> r.placeholders().stream()).toList();
        return shown.stream().map(p -> p.kind() == Placeholder.Kind.VARIABLE ? p.name() : p.token())
                .distinct().toList();
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

    /** Per keystroke: only the preview follows; the journal hears of it on {@link #commitValue}. */
    public void setValue(String name, String value) {
        values.put(name, value);
    }

    /** The operator is done editing a value (focus left the field, Enter): journaled if it changed. */
    public CompletableFuture<Void> commitValue(String name) {
        String value = values.get(name);
        return CompletableFuture.runAsync(() -> committed.commit(name, value), io);
    }

    /** Journals every value not journaled yet (blocking, on {@code io}): done just before a step runs. */
    void commitAll(Map<String, String> snapshot) {
        snapshot.forEach(committed::commit);
    }

    public ObservableMap<String, String> values() {
        return values;
    }

    /** Read-only "will run:" text: the selected step's commands with the values filled in as they will run. */
    public ReadOnlyStringProperty willRunProperty() {
        return willRun;
    }
}
