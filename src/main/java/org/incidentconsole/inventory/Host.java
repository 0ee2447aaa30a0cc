package org.incidentconsole.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A production host as the inventory describes it, group and default settings already applied. */
public record Host(
        String name,
        String address,
        int port,
        String user,
        List<Path> identityFiles,
        boolean agent,
        List<String> tags,
        String appDir,
        String group,
        RedisEndpoint redis,
        BreakerSettings breakers,
        List<HealthCheckSpec> healthChecks,
        Map<String, Object> thresholds,
        boolean tty) {

    public Host {
        identityFiles = List.copyOf(identityFiles);
        tags = List.copyOf(tags);
        healthChecks = List.copyOf(healthChecks);
        thresholds = Map.copyOf(thresholds);
    }

    /** A host whose commands run with no terminal (the common case; {@code tty: true} in the inventory asks one). */
    public Host(String name, String address, int port, String user, List<Path> identityFiles, boolean agent,
                List<String> tags, String appDir, String group, RedisEndpoint redis, BreakerSettings breakers,
                List<HealthCheckSpec> healthChecks, Map<String, Object> thresholds) {
        this(name, address, port, user, identityFiles, agent, tags, appDir, group, redis, breakers, healthChecks,
                thresholds, false);
    }

    /** A minimal host: key auth through the agent or the default identity files. */
    public static Host of(String name, String address, int port, String user, List<Path> identityFiles) {
        return new Host(name, address, port, user, identityFiles, true, List.of(), null, null, null,
                BreakerSettings.defaults(), List.of(), Map.of());
    }
}
