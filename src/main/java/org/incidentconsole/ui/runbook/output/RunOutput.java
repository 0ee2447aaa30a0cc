package org.incidentconsole.ui.runbook.output;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One run of one step: every host's lines together ("web-01 | …", stderr as "web-01 ! …") and each host's own.
 * A run read back from the journal has no start time and its lines no timestamps.
 */
public final class RunOutput {
    private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final int number;
    private final Instant started;
    private final BoundedLines all;
    private final ObservableList<HostOutput> hosts = FXCollections.observableArrayList();

    RunOutput(int number, Instant started, List<String> hostNames, int cap) {
        this.number = number;
        this.started = started;
        this.all = new BoundedLines(cap);
        hostNames.forEach(h -> hosts.add(new HostOutput(h, cap)));
    }

    /** A line of {@code host}'s output, to its own list and to the list of all hosts. */
    public void add(String host, boolean stderr, String line, Instant at) {
        all.add(host + (stderr ? " ! " : " | ") + line, at);
        host(host).ifPresent(o -> o.add((stderr ? "! " : "") + line, at));
    }

    /** A line about the run itself (why it did not run), to every list. */
    public void addNote(String line, Instant at) {
        all.add(line, at);
        hosts.forEach(o -> o.add(line, at));
    }

    /** A line for {@code host} only, to its list and (prefixed with the host) to the list of all hosts. */
    public void addHostNote(String host, String line, Instant at) {
        all.add(host + " " + line, at);
        host(host).ifPresent(o -> o.add(line, at));
    }

    public Optional<HostOutput> host(String name) {
        return hosts.stream().filter(o -> o.host().equals(name)).findFirst();
    }

    public int number() {
        return number;
    }

    /** "Run 2 · 14:03:12", or "Run 1 · journaled" for a run read back from the journal. */
    public String label() {
        return "Run " + number + " · " + (started == null ? "journaled" : HHMMSS.format(started));
    }

    public ObservableList<String> lines() {
        return all.lines();
    }

    public BoundedLines bounded() {
        return all;
    }

    public ObservableList<HostOutput> hosts() {
        return hosts;
    }

    @Override
    public String toString() {
        return label();
    }
}
