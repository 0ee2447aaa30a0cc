package org.incidentconsole.ui.runbook.output;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Output lines kept up to a cap: past it the oldest lines go and the first line says how many ("… 1200 earlier
 * lines dropped"). Lines are stored as the runner gave them (already redacted). Each line keeps when it arrived,
 * null for lines read back from the journal. Trimming is done in batches, so appending stays linear.
 */
public final class BoundedLines {
    /** Lines kept per host and per run. */
    public static final int DEFAULT_CAP = 20_000;
    static final String DROPPED = "… %d earlier lines dropped (the last %d are kept)";

    private final int cap;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final List<Instant> times = new ArrayList<>();
    private long dropped;

    public BoundedLines(int cap) {
        if (cap < 10) {
            throw new IllegalArgumentException("keep at least 10 lines, not " + cap);
        }
        this.cap = cap;
    }

    public void add(String line, Instant at) {
        lines.add(line);
        times.add(at);
        int kept = lines.size() - (dropped > 0 ? 1 : 0);
        if (kept > cap + cap / 10) {
            trim(kept - cap);
        }
    }

    private void trim(int excess) {
        int first = dropped > 0 ? 1 : 0;
        times.subList(first, first + excess).clear();
        dropped += excess;
        String marker = DROPPED.formatted(dropped, cap);
        if (first == 1) {
            lines.remove(1, 1 + excess);
            lines.set(0, marker);
        } else {
            lines.remove(0, excess);
            lines.add(0, marker);
            times.add(0, null);
        }
    }

    /** The lines as shown, the dropped marker first when lines were dropped. */
    public ObservableList<String> lines() {
        return lines;
    }

    /** When line {@code index} arrived, or null (the marker, or read back from the journal). */
    public Instant time(int index) {
        return index >= 0 && index < times.size() ? times.get(index) : null;
    }

    public long dropped() {
        return dropped;
    }
}
