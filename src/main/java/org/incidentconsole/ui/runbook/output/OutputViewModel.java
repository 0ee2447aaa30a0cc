package org.incidentconsole.ui.runbook.output;

import java.time.Instant;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The stepper's output: each step's run history ({@link OutputHistory}), which run is shown (the selected step's
 * newest, or one the operator picked), and how it is shown (follow, timestamps, wrap, search).
 */
public final class OutputViewModel {
    private static final ObservableList<String> NO_LINES = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList());
    private static final ObservableList<HostOutput> NO_HOSTS = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList());

    private final OutputHistory history;
    private final SimpleObjectProperty<String> step = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<ObservableList<RunOutput>> runs =
            new SimpleObjectProperty<>(FXCollections.observableArrayList());
    private final SimpleObjectProperty<RunOutput> shown = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty follow = new SimpleBooleanProperty(true);
    private final SimpleBooleanProperty timestamps = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty wrap = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty detached = new SimpleBooleanProperty(false);
    private final OutputSearch search = new OutputSearch();

    public OutputViewModel() {
        this(new OutputHistory(OutputHistory.DEFAULT_MAX_RUNS, BoundedLines.DEFAULT_CAP));
    }

    public OutputViewModel(OutputHistory history) {
        this.history = history;
    }

    /** Shows the step at {@code path}: its newest run, its history in the run chooser. Null shows nothing. */
    public void showStep(String path) {
        step.set(path);
        runs.set(path == null ? FXCollections.observableArrayList() : history.runs(path));
        shown.set(path == null ? null : history.newest(path));
    }

    /** A new run of {@code path}; shown at once when that step is the one shown. */
    public RunOutput start(String path, List<String> hosts, Instant at) {
        RunOutput run = history.start(path, hosts, at);
        if (path.equals(step.get())) {
            shown.set(run);
        }
        return run;
    }

    /** An earlier run of the shown step, picked by the operator. */
    public void showRun(RunOutput run) {
        if (run != null && runs.get().contains(run)) {
            shown.set(run);
        }
    }

    public void clear() {
        history.clear();
        showStep(step.get());
    }

    public OutputHistory history() {
        return history;
    }

    /** The shown run's lines of every host ("web-01 | …"), empty with none shown. */
    public ObservableList<String> lines() {
        RunOutput run = shown.get();
        return run == null ? NO_LINES : run.lines();
    }

    /** The shown run's per-host outputs. */
    public ObservableList<HostOutput> hosts() {
        RunOutput run = shown.get();
        return run == null ? NO_HOSTS : run.hosts();
    }

    public ReadOnlyObjectProperty<RunOutput> shownProperty() {
        return shown;
    }

    /** The shown step's runs, oldest first (a list that grows as the step runs again). */
    public ReadOnlyObjectProperty<ObservableList<RunOutput>> runsProperty() {
        return runs;
    }

    public ReadOnlyObjectProperty<String> stepProperty() {
        return step;
    }

    /** Keep the newest line in view; off while the operator has scrolled up. */
    public BooleanProperty followProperty() {
        return follow;
    }

    public BooleanProperty timestampsProperty() {
        return timestamps;
    }

    public BooleanProperty wrapProperty() {
        return wrap;
    }

    /** The output shows in its own window. */
    public BooleanProperty detachedProperty() {
        return detached;
    }

    public OutputSearch search() {
        return search;
    }

}
