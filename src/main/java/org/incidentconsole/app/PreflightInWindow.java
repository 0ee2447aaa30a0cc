package org.incidentconsole.app;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ui.preflight.PreflightSource;

/**
 * Check all hosts in the window: the preflight of the CLI on the inventory the window shows, on connections and
 * threads of its own (closed when it ends), refusing unknown host keys as the CLI does rather than asking. Nothing
 * is journaled: the check reads and changes nothing on the hosts, and belongs to setting up, not to an incident.
 */
final class PreflightInWindow implements PreflightSource {
    private final ConsoleServices services;
    private final Inventory inventory;

    PreflightInWindow(ConsoleServices services, Inventory inventory) {
        this.services = services;
        this.inventory = inventory;
    }

    @Override
    public List<String> columns() {
        return PreflightRow.COLUMNS;
    }

    @Override
    public List<String> hosts() {
        return inventory.hosts().stream().map(Host::name).toList();
    }

    @Override
    public CompletableFuture<Void> start(Consumer<Row> finished) {
        return CompletableFuture.runAsync(() -> {
            RefusingKeyRecorder keys = new RefusingKeyRecorder();
            try (AppExecutors executors = new AppExecutors();
                 SshConnections ssh = services.separateConnections(keys, executors.io(), executors.scheduler())) {
                new Preflight(ssh, keys, System.getenv(), Clock.systemUTC()).run(inventory,
                        (index, row) -> finished.accept(new Row(index, row.cells(), row.ok())));
            }
        }, services.io());
    }
}
