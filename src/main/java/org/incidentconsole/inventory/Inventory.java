package org.incidentconsole.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The hosts of one environment, read from one inventory file, where its comms go (the file's {@code notify:}) and
 * the Redis its consoles share incidents through (the file's {@code coordination:}, null when it has none).
 */
public record Inventory(Path source, Environment environment, List<Host> hosts, NotifySettings comms,
                        CoordinationSettings coordination) {
    public Inventory {
        hosts = List.copyOf(hosts);
        comms = comms == null ? NotifySettings.NONE : comms;
    }

    public Inventory(Path source, Environment environment, List<Host> hosts, NotifySettings comms) {
        this(source, environment, hosts, comms, null);
    }

    public Inventory(Path source, Environment environment, List<Host> hosts) {
        this(source, environment, hosts, NotifySettings.NONE, null);
    }

    public Optional<Host> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }
}
