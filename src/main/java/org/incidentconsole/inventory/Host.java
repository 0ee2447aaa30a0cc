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
        HostRoute route,
        boolean tty) {

    public Host {
        identityFiles = List.copyOf(identityFiles);
        tags = List.copyOf(tags);
        healthChecks = List.copyOf(healthChecks);
        thresholds = Map.copyOf(thresholds);
        route = route != null ? route : HostRoute.direct(!identityFiles.isEmpty());
    }

    /** A host reached directly, every SSH field as given here (ssh_config only fills what is not). */
    public Host(String name, String address, int port, String user, List<Path> identityFiles, boolean agent,
                List<String> tags, String appDir, String group, RedisEndpoint redis, BreakerSettings breakers,
                List<HealthCheckSpec> healthChecks, Map<String, Object> thresholds) {
        this(name, address, port, user, identityFiles, agent, tags, appDir, group, redis, breakers, healthChecks,
                thresholds, null, false);
    }

    /** A host with its route as given, commands with no terminal. */
    public Host(String name, String address, int port, String user, List<Path> identityFiles, boolean agent,
                List<String> tags, String appDir, String group, RedisEndpoint redis, BreakerSettings breakers,
                List<HealthCheckSpec> healthChecks, Map<String, Object> thresholds, HostRoute route) {
        this(name, address, port, user, identityFiles, agent, tags, appDir, group, redis, breakers, healthChecks,
                thresholds, route, false);
    }

    /** A host reached directly whose commands run in a terminal when {@code tty} ({@code requiretty} sudoers). */
    public Host(String name, String address, int port, String user, List<Path> identityFiles, boolean agent,
                List<String> tags, String appDir, String group, RedisEndpoint redis, BreakerSettings breakers,
                List<HealthCheckSpec> healthChecks, Map<String, Object> thresholds, boolean tty) {
        this(name, address, port, user, identityFiles, agent, tags, appDir, group, redis, breakers, healthChecks,
                thresholds, null, tty);
    }

    /** The same host reached at another address, port, login or keys (a hop or an ssh_config alias resolved). */
    public Host at(String newAddress, int newPort, String newUser, List<Path> newIdentityFiles, boolean newAgent) {
        return new Host(name, newAddress, newPort, newUser, newIdentityFiles, newAgent, tags, appDir, group, redis,
                breakers, healthChecks, thresholds, route, tty);
    }

    /** A minimal host: key auth through the agent or the default identity files. */
    public static Host of(String name, String address, int port, String user, List<Path> identityFiles) {
        return new Host(name, address, port, user, identityFiles, true, List.of(), null, null, null,
                BreakerSettings.defaults(), List.of(), Map.of());
    }
}
