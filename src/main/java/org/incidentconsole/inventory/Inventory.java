package org.incidentconsole.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The hosts of one environment, read from one inventory file, and where its comms go (the file's {@code notify:}). */
public record Inventory(Path source, Environment environment, List<Host> hosts, NotifySettings comms) {
    public Inventory {
        hosts = List.copyOf(hosts);
        comms = comms == null ? NotifySettings.NONE : comms;
    }

    public Inventory(Path source, Environment environment, List<Host> hosts) {
        this(source, environment, hosts, NotifySettings.NONE);
    }

    public Optional<Host> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }
}
