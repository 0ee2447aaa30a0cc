package org.incidentconsole.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final Map<String, String> environment;

    PreflightInWindow(ConsoleServices services, Inventory inventory) {
        this(services, inventory, System.getenv());
    }

    /** @param environment where the notify channels' secrets are looked up */
    PreflightInWindow(ConsoleServices services, Inventory inventory, Map<String, String> environment) {
        this.services = services;
        this.inventory = inventory;
        this.environment = environment;
    }

    @Override
    public List<String> columns() {
        return PreflightRow.COLUMNS;
    }

    /** The hosts, then a row per notify channel (and the status page): their secrets are
     * looked up in the environment at once, before any host is reached. */
    @Override
    public List<String> hosts() {
        List<String> rows = new ArrayList<>(inventory.hosts().stream().map(Host::name).toList());
        ChannelSecrets.check(inventory.comms(), Map.of()).forEach(c -> rows.add("notify " + c.channel()));
        return rows;
    }

    @Override
    public int hostCount() {
        return inventory.hosts().size();
    }

    @Override
    public CompletableFuture<Void> start(Consumer<Row> finished) {
        return CompletableFuture.runAsync(() -> {
            List<ChannelPreflightRow> channels = ChannelSecrets.check(inventory.comms(), environment);
            for (int i = 0; i < channels.size(); i++) {
                finished.accept(new Row(inventory.hosts().size() + i, channels.get(i).hostCells(), channels.get(i).ok()));
            }
            RefusingKeyRecorder keys = new RefusingKeyRecorder();
            try (AppExecutors executors = new AppExecutors();
                 SshConnections ssh = services.separateConnections(keys, executors.io(), executors.scheduler())) {
                new Preflight(ssh, keys, System.getenv(), Clock.systemUTC()).run(inventory,
                        (index, row) -> finished.accept(new Row(index, row.cells(), row.ok())));
            }
        }, services.io());
    }
}
