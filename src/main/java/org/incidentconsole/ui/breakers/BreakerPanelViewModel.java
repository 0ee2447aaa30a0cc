package org.incidentconsole.ui.breakers;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.incidentconsole.breaker.BreakerCommand;
import org.incidentconsole.breaker.BreakerPoll;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.ui.trend.BreakerTrends;
import org.incidentconsole.ui.trend.TrendMarkers;

/** The breaker panel: breakers and rate limiters of the latest poll, and a one-line summary. */
public final class BreakerPanelViewModel {
    private final Executor ui;
    private final ObservableList<BreakerRow> breakers = FXCollections.observableArrayList();
    private final ObservableList<String> rateLimits = FXCollections.observableArrayList();
    private final SimpleStringProperty summary = new SimpleStringProperty("No breakers read yet");
    private final Map<String, List<BreakerRow>> bySource = new TreeMap<>();
    private final Map<String, List<String>> limitsBySource = new TreeMap<>();
    private final Map<String, String> summaries = new TreeMap<>();
    /** The rows the operator chose, by source and service: a poll replaces every row, the choice stays. */
    private final Set<String> chosen = new HashSet<>();
    private boolean refreshing;
    // #19 trends: each breaker's state and failures over the incident (FX thread)
    private final BreakerTrends trends = new BreakerTrends();
    private volatile TrendMarkers trendMarkers = new TrendMarkers();

    public BreakerPanelViewModel(Executor ui) {
        this.ui = ui;
    }

    /** After an inventory reload (UI thread): the monitors start again, their first polls fill the table anew. */
    public void clear() {
        bySource.clear();
        limitsBySource.clear();
        summaries.clear();
        breakers.clear();
        rateLimits.clear();
        summary.set("No breakers read yet");
    }

    /** Called from a monitor's thread after each poll; several Redis sources are shown together. */
    public void panel(BreakerPoll p) {
        var rows = p.breakers().stream().map(v -> BreakerRow.of(p.source(), v)).toList();
        var limits = p.rateLimits().stream().map(r -> r.key() + " = " + r.value()
                + (r.ttlSeconds() == null || r.ttlSeconds() < 0 ? "" : " (expires in " + r.ttlSeconds() + " s)")).toList();
        long open = rows.stream().filter(r -> r.state() != BreakerState.CLOSED).count();
        long stuck = rows.stream().filter(BreakerRow::stuck).count();
        String text = p.error() != null ? "⚠ " + p.error()
                : rows.size() + " breakers · " + open + " not closed" + (stuck > 0 ? " · " + stuck + " STUCK OPEN" : "")
                + " · " + p.source();
        ui.execute(() -> {
            if (p.error() == null) {
                bySource.put(p.source(), rows);
                limitsBySource.put(p.source(), limits);
                trends.poll(p, bySource.keySet());
            }
            summaries.put(p.source(), text);
            refreshing = true;
            try {
                breakers.setAll(bySource.values().stream().flatMap(List::stream).toList());
            } finally {
                refreshing = false;
            }
            rateLimits.setAll(limitsBySource.values().stream().flatMap(List::stream).toList());
            summary.set(String.join("\n", summaries.values()));
        });
    }

    /** What an action would change, before the operator confirms: "payments: open → closed, failures 12 → deleted". */
    public static String preview(BreakerCommand command, List<BreakerRow> rows) {
        StringBuilder s = new StringBuilder();
        for (BreakerRow r : rows) {
            String after = command.after(r.state());
            s.append(r.service()).append(": ").append(r.stateText()).append(", failures ").append(r.failures())
                    .append("  →  ").append(after).append('\n');
        }
        return s.toString().strip();
    }

    /** The operator's selection changed (FX thread); a table cleared by a poll's refresh is not a choice. */
    public void choose(List<BreakerRow> selected) {
        if (refreshing) {
            return;
        }
        chosen.clear();
        selected.forEach(r -> chosen.add(choiceKey(r)));
    }

    /** Whether the row stands for a breaker the operator chose before the latest poll. */
    public boolean isChosen(BreakerRow row) {
        return chosen.contains(choiceKey(row));
    }

    private static String choiceKey(BreakerRow r) {
        return r.source() + "\n" + r.service();
    }

    /** #19 trends: the state band and failure count of one row's breaker (FX thread). */
    public BreakerTrends.Trend trendOf(BreakerRow row) {
        return trends.of(row.source(), row.service());
    }

    public TrendMarkers trendMarkers() {
        return trendMarkers;
    }

    public void useTrendMarkers(TrendMarkers markers) {
        this.trendMarkers = markers;
    }

    public ObservableList<BreakerRow> breakers() {
        return breakers;
    }

    public ObservableList<String> rateLimits() {
        return rateLimits;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }
}
