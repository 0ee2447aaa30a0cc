package org.incidentconsole.ui.runbook.output;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Each step's runs, oldest first: run 1, run 2… Kept per step path; at most {@code maxRuns} per step (the oldest
 * go first), each run's lines capped per host by {@link BoundedLines}.
 */
public final class OutputHistory {
    public static final int DEFAULT_MAX_RUNS = 10;

    private final int maxRuns;
    private final int cap;
    private final Map<String, ObservableList<RunOutput>> runs = new HashMap<>();
    private final Map<String, Integer> numbered = new HashMap<>();

    public OutputHistory(int maxRuns, int cap) {
        this.maxRuns = maxRuns;
        this.cap = cap;
    }

    /** A new run of the step at {@code path} on {@code hosts}, numbered after the step's earlier runs. */
    public RunOutput start(String path, List<String> hosts, Instant at) {
        int number = numbered.merge(path, 1, Integer::sum);
        RunOutput run = new RunOutput(number, at, hosts, cap);
        ObservableList<RunOutput> list = runs(path);
        list.add(run);
        if (list.size() > maxRuns) {
            list.remove(0, list.size() - maxRuns);
        }
        return run;
    }

    /** The step's runs, oldest first; an empty list (kept, so a view can bind to it) for a step never run. */
    public ObservableList<RunOutput> runs(String path) {
        return runs.computeIfAbsent(path, p -> FXCollections.observableArrayList());
    }

    /** The step's newest run, or null. */
    public RunOutput newest(String path) {
        ObservableList<RunOutput> list = runs.get(path);
        return list == null || list.isEmpty() ? null : list.get(list.size() - 1);
    }

    public void clear() {
        runs.values().forEach(List::clear);
        numbered.clear();
    }
}
