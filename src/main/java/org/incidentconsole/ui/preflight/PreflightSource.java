package org.incidentconsole.ui.preflight;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** What the Check all hosts dialog shows and runs: the table's columns, its hosts, and the check itself. */
public interface PreflightSource {
    /** One finished host: its place in {@link #hosts()}, its cells in {@link #columns()} order, usable or not. */
    record Row(int index, List<String> cells, boolean ok) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    List<String> columns();

    /** The hosts to be checked, in the order the table lists them; empty before an inventory is loaded. */
    List<String> hosts();

    /** How many of {@link #hosts()} are hosts; the rows after them are other checks (comms channels). */
    default int hostCount() {
        return hosts().size();
    }

    /**
     * Starts the check off the FX thread; {@code finished} is called (on any thread) as each host's row is known.
     * Completes once every host is checked.
     */
    CompletableFuture<Void> start(Consumer<Row> finished);
}
