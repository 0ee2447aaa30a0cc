package org.incidentconsole.ui.health;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.incidentconsole.health.CheckResult;
import org.incidentconsole.health.SeverityAdvisor;

/** The health panel: every check of every host, and the advisor's suggestion with its reasons. */
public final class HealthPanelViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Executor ui;
    private final ObservableList<HealthRow> rows = FXCollections.observableArrayList();
    private final Map<String, HealthRow> byKey = new HashMap<>();
    private final SimpleStringProperty advice = new SimpleStringProperty("Waiting for the first health results…");
    private final SimpleStringProperty adviceLevel = new SimpleStringProperty("NONE");
    private final SimpleStringProperty reasons = new SimpleStringProperty("");

    public HealthPanelViewModel(Executor ui) {
        this.ui = ui;
    }

    /** Called from poller threads. */
    public void result(CheckResult r) {
        ui.execute(() -> byKey.computeIfAbsent(r.host() + "/" + r.check(), k -> {
            HealthRow row = new HealthRow(r.host(), r.check());
            rows.add(row);
            return row;
        }).apply(r, TIME.format(r.at())));
    }

    /** Called from background threads after each round. */
    public void advice(SeverityAdvisor.Advice a) {
        String headline = switch (a.action()) {
            case ROLLBACK_NOW -> "ROLL BACK NOW";
            case INVESTIGATE -> "Investigate";
            case WATCH -> "Watch";
            case NONE -> "No incident signs";
        };
        String text = (a.priority() == null ? "" : "Suggested " + a.priority() + " · ") + headline;
        String why = a.reasons().stream().limit(6).map(r -> "• " + r.text() + " — " + r.host() + " " + r.check()
                + ": " + r.value() + " (since " + TIME.format(r.since()) + ")").collect(Collectors.joining("\n"));
        ui.execute(() -> {
            advice.set(text);
            adviceLevel.set(a.action().name());
            reasons.set(why);
        });
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
