package org.incidentconsole.ui.runbook.output;

import java.time.Instant;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ObservableList;

/** One host's output of one run of a step, with its status ("running…", then "OK · exit 0"). */
public final class HostOutput {
    private final String host;
    private final BoundedLines lines;
    private final SimpleStringProperty status = new SimpleStringProperty("running…");

    public HostOutput(String host, int cap) {
        this.host = host;
        this.lines = new BoundedLines(cap);
    }

    public String host() {
        return host;
    }

    public ObservableList<String> lines() {
        return lines.lines();
    }

    public BoundedLines bounded() {
        return lines;
    }

    public void add(String line, Instant at) {
        lines.add(line, at);
    }

    public void setStatus(String now) {
        status.set(now);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
