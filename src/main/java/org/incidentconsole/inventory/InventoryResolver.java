package org.incidentconsole.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the file's shape (defaults, groups, hosts) into hosts with every setting applied. */
final class InventoryResolver {
    private static final int DEFAULT_SSH_PORT = 22;
    private static final int DEFAULT_REDIS_PORT = 6379;

    private final Path file;
    private final Path home;
    private final Map<String, Located<String>> seenNames = new HashMap<>();

    InventoryResolver(Path file, Path home) {
        this.file = file;
        this.home = home;
    }

    Inventory resolve(InventoryFileSpec spec) throws InventoryException {
        if (spec.environment == null) {
            throw new InventoryException(file, 1, 1, "environment",
                    "missing required field (production, staging or drill)");
        }
        SettingsSpec defaults = spec.defaults != null ? spec.defaults : new SettingsSpec();
        List<Host> hosts = new ArrayList<>();
        if (spec.groups != null) {
            for (Map.Entry<String, GroupSpec> group : spec.groups.entrySet()) {
                GroupSpec g = group.getValue() != null ? group.getValue() : new GroupSpec();
                for (Located<HostSpec> host : nonNull(g.hosts)) {
                    hosts.add(host(host, group.getKey(), g, defaults));
                }
            }
        }
        for (Located<HostSpec> host : nonNull(spec.hosts)) {
            hosts.add(host(host, null, new SettingsSpec(), defaults));
        }
        if (hosts.isEmpty()) {
            throw new InventoryException(file, 1, 1, "hosts", "no hosts: list them under 'hosts' or in a group");
        }
        return new Inventory(file, spec.environment, hosts);
    }

    private Host host(Located<HostSpec> entry, String group, SettingsSpec g, SettingsSpec d)
            throws InventoryException {
        HostSpec h = entry.value();
        if (h == null) {
            throw error(entry, "hosts", "empty host entry; expected at least 'name' and 'address'");
        }
        if (h.name == null || blank(h.name.value())) {
            throw error(entry, "name", "missing required field in host entry");
        }
        String name = h.name.value().trim();
        Located<String> first = seenNames.putIfAbsent(name, h.name);
        if (first != null) {
            throw error(h.name, "name", "duplicate host name '" + name + "' (first defined at line "
                    + first.line() + ")");
        }
        if (blank(h.address)) {
            throw error(entry, "address", "missing required field for host '" + name + "'");
        }
        String user = pick(h.user, g.user, d.user);
        if (blank(user)) {
            throw error(entry, "user", "missing required field for host '" + name
                    + "' (set it on the host, its group or under 'defaults')");
        }
        Located<Integer> portAt = pick(h.port, g.port, d.port);
        int port = portAt == null ? DEFAULT_SSH_PORT : checkPort(portAt, "port");
        List<String> identities = pick(h.identityFiles, g.identityFiles, d.identityFiles);
        Boolean agent = pick(h.agent, g.agent, d.agent);
        Set<String> tags = new LinkedHashSet<>();
        tags.addAll(nonNull(d.tags));
        tags.addAll(nonNull(g.tags));
        tags.addAll(nonNull(h.tags));
        Located<RedisSpec> redis = pick(h.redis, g.redis, d.redis);
        List<HealthCheckSpec> checks = new ArrayList<>();
        for (List<HealthCheckEntry> list : List.of(nonNull(d.healthChecks), nonNull(g.healthChecks),
                nonNull(h.healthChecks))) {
            list.forEach(c -> checks.add(new HealthCheckSpec(c.name, c.type, c.settings)));
        }
        Map<String, Object> thresholds = new HashMap<>();
        thresholds.putAll(nonNull(d.thresholds));
        thresholds.putAll(nonNull(g.thresholds));
        thresholds.putAll(nonNull(h.thresholds));
        return new Host(name, h.address.trim(), port, user.trim(),
                identities == null ? List.of() : identities.stream().map(this::expand).toList(),
                agent == null || agent, List.copyOf(tags), pick(h.appDir, g.appDir, d.appDir), group,
                redis == null ? null : redis(redis), breakers(pick(h.breakers, g.breakers, d.breakers)), checks,
                thresholds);
    }

    private RedisEndpoint redis(Located<RedisSpec> at) throws InventoryException {
        RedisSpec r = at.value();
        String address = blank(r.address) ? "127.0.0.1" : r.address.trim();
        String hostPart = address;
        int port = DEFAULT_REDIS_PORT;
        int colon = address.lastIndexOf(':');
        if (colon > 0 && !address.endsWith("]")) {
            hostPart = address.substring(0, colon).replace("[", "").replace("]", "");
            try {
                port = checkPort(new Located<>(Integer.parseInt(address.substring(colon + 1)), at.line(),
                        at.column()), "redis.address");
            } catch (NumberFormatException e) {
                throw error(at, "redis.address", "expected host:port, got '" + address + "'");
            }
        }
        int db = r.db == null ? 0 : r.db;
        if (db < 0) {
            throw error(at, "redis.db", "must be 0 or more, got " + db);
        }
        boolean shared = r.shared != null ? r.shared : !RedisEndpoint.isLoopback(hostPart);
        return new RedisEndpoint(hostPart, port, db, blank(r.passwordEnv) ? null : r.passwordEnv.trim(), shared);
    }

    private BreakerSettings breakers(Located<BreakerSpec> at) throws InventoryException {
        BreakerSettings defaults = BreakerSettings.defaults();
        if (at == null || at.value() == null) {
            return defaults;
        }
        BreakerSpec b = at.value();
        List<BreakerSettings.KeyScheme> schemes = new ArrayList<>();
        for (BreakerSpec.KeySpec k : nonNull(b.keys)) {
            if (k.state == null || !k.state.contains("{service}")) {
                throw error(at, "breakers.keys.state", "each key scheme needs a state key containing {service}, got '"
                        + k.state + "'");
            }
            schemes.add(new BreakerSettings.KeyScheme(k.state, k.failures, k.openedAt, k.lastFailure));
        }
        if (b.stuckOpenMinutes != null && b.stuckOpenMinutes < 1 || b.pollSeconds != null && b.pollSeconds < 1) {
            throw error(at, "breakers", "stuck_open_minutes and poll_seconds must be 1 or more");
        }
        return new BreakerSettings(schemes.isEmpty() ? defaults.schemes() : schemes,
                b.rateLimits == null ? defaults.rateLimitPatterns() : b.rateLimits,
                b.stuckOpenMinutes == null ? defaults.stuckOpenAfter() : java.time.Duration.ofMinutes(b.stuckOpenMinutes),
                b.pollSeconds == null ? defaults.pollEvery() : java.time.Duration.ofSeconds(b.pollSeconds));
    }

    private int checkPort(Located<Integer> port, String field) throws InventoryException {
        if (port.value() == null || port.value() < 1 || port.value() > 65535) {
            throw error(port, field, "port out of range (1-65535): " + port.value());
        }
        return port.value();
    }

    private Path expand(String path) {
        String p = path.trim();
        if (p.equals("~")) {
            return home;
        }
        return p.startsWith("~/") ? home.resolve(p.substring(2)) : Path.of(p);
    }

    private InventoryException error(Located<?> at, String field, String problem) {
        return new InventoryException(file, at.line(), at.column(), field, problem);
    }

    @SafeVarargs
    private static <T> T pick(T... mostSpecificFirst) {
        for (T value : mostSpecificFirst) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> nonNull(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
