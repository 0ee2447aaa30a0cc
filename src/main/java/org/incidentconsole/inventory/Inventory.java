package org.incidentconsole.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The hosts of one environment, read from one inventory file. */
public record Inventory(Path source, Environment environment, List<Host> hosts) {
    public Inventory {
        hosts = List.copyOf(hosts);
    }

    public Optional<Host> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }
}
