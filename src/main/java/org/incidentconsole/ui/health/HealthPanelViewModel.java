package org.incidentconsole.ui.health;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.incidentconsole.health.CheckResult;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.health.SeverityAdvisor;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ui.trend.TrendMarkers;

/** The health panel: every check of every host, and the advisor's suggestion with its reasons. */
public final class HealthPanelViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Executor ui;
    private final ObservableList<HealthRow> rows = FXCollections.observableArrayList();
    private final Map<String, HealthRow> byKey = new HashMap<>();
    private final SimpleStringProperty advice = new SimpleStringProperty("Waiting for the first health results…");
    private final SimpleStringProperty adviceLevel = new SimpleStringProperty("NONE");
    private final SimpleStringProperty reasons = new SimpleStringProperty("");

    private volatile TrendMarkers trendMarkers = new TrendMarkers();

    public HealthPanelViewModel(Executor ui) {
        this.ui = ui;
    }

    /** #19 trends: the step and rollback marks the sparklines show (the window shares one with the breakers). */
    public TrendMarkers trendMarkers() {
        return trendMarkers;
    }

    public void useTrendMarkers(TrendMarkers markers) {
        this.trendMarkers = markers;
    }

    /** Called from poller threads. */
    public void result(CheckResult r) {
        ui.execute(() -> byKey.computeIfAbsent(r.host() + "/" + r.check(), k -> {
            HealthRow row = new HealthRow(r.host(), r.check());
            rows.add(row);
            return row;
        }).apply(r, TIME.format(r.at())));
    }

    // #19 inventory reload (h19-keys)
    /** After an inventory reload (UI thread): the rows of hosts no longer listed go. */
    public void keepHosts(Collection<String> hosts) {
        rows.removeIf(r -> !hosts.contains(r.host()));
        byKey.keySet().removeIf(k -> !hosts.contains(k.substring(0, k.indexOf('/'))));
    }

    /** No host is polled (the inventory could not be read): say so instead of waiting for results (UI thread). */
    public void noHosts(String why) {
        rows.clear();
        byKey.clear();
        advice.set("No health checks: " + why);
        adviceLevel.set("NONE");
        reasons.set("");
    }

    /** Called from background threads after each round. */
    public void advice(SeverityAdvisor.Advice a) {
        String headline = switch (a.action()) {
            case ROLLBACK_NOW -> "ROLL BACK NOW";
            case CANNOT_SEE -> "Cannot see production";
            case INVESTIGATE -> "Investigate";
            case WATCHING_ROLLBACK -> "Rolled back — watching";
            case WATCH -> "Watch";
            case CONNECTING -> "Connecting…";
            case NONE -> "No incident signs";
        };
        String text = (a.priority() == null ? "" : "Suggested " + a.priority() + " · ") + headline;
        String why = a.reasons().stream().limit(6).map(r -> "• " + r.text() + " — " + r.host() + " " + r.check()
                + ": " + r.value() + " (since " + TIME.format(r.since()) + ")").collect(Collectors.joining("\n"));
        Severity sev = a.priority();
        String because = "the advisor: " + headline + (a.reasons().isEmpty() ? ""
                : " — " + a.reasons().get(0).text() + " (" + a.reasons().get(0).host() + " "
                + a.reasons().get(0).check() + ")");
        latestSuggestion = sev;
        ui.execute(() -> {
            advice.set(text);
            adviceLevel.set(a.action().name());
            reasons.set(why);
            suggested.set(sev);
            suggestedBecause = because;
        });
    }

    private final SimpleObjectProperty<Severity> suggested =
            new SimpleObjectProperty<>();
    private volatile Severity latestSuggestion;
    private String suggestedBecause = "";

    /** The advisor's suggested severity (UI thread), null while it suggests none. */
    public ReadOnlyObjectProperty<Severity> suggestedProperty() {
        return suggested;
    }

    /** Readable from any thread: the latest suggestion, to preselect when an incident starts. */
    public Severity latestSuggestion() {
        return latestSuggestion;
    }

    /** Why, in one line for the journal. */
    public String suggestedBecause() {
        return suggestedBecause;
    }

    /** The checks that read CRITICAL now, as "host check" (read on the FX thread). */
    public List<String> criticalChecks() {
        return rows.stream().filter(r -> r.statusProperty().get() == HealthStatus.CRITICAL)
                .map(r -> r.host() + " " + r.check()).toList();
    }

    public ObservableList<HealthRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty adviceProperty() {
        return advice;
    }

    /** NONE, WATCH, INVESTIGATE or ROLLBACK_NOW: the style of the advice line. */
    public ReadOnlyStringProperty adviceLevelProperty() {
        return adviceLevel;
    }

    public ReadOnlyStringProperty reasonsProperty() {
        return reasons;
    }
}
