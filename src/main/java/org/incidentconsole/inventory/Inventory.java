package org.incidentconsole.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The hosts of one environment, read from one inventory file, where its comms go (the file's {@code notify:}),
 * the Redis its consoles share incidents through (the file's {@code coordination:}, null when it has none) and
 * whether a dangerous step of a shared incident needs a second operator (the file's {@code approval:}; unwritten,
 * {@link ApprovalSetting#defaultFor the environment's default}).
 */
public record Inventory(Path source, Environment environment, List<Host> hosts, NotifySettings comms,
                        CoordinationSettings coordination, ApprovalSetting approval) {
    public Inventory {
        hosts = List.copyOf(hosts);
        comms = comms == null ? NotifySettings.NONE : comms;
        approval = approval == null ? ApprovalSetting.defaultFor(environment) : approval;
    }

    public Inventory(Path source, Environment environment, List<Host> hosts, NotifySettings comms,
                     CoordinationSettings coordination) {
        this(source, environment, hosts, comms, coordination, null);
    }

    public Inventory(Path source, Environment environment, List<Host> hosts, NotifySettings comms) {
        this(source, environment, hosts, comms, null, null);
    }

    public Inventory(Path source, Environment environment, List<Host> hosts) {
        this(source, environment, hosts, NotifySettings.NONE, null, null);
    }

    /** A dangerous step of a shared incident waits for a second operator's approval (or the commander's waiver). */
    public boolean approvalRequired() {
        return approval == ApprovalSetting.REQUIRED;
    }

    public Optional<Host> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }
}
