package org.incidentconsole.inventory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.incidentconsole.inventory.FieldRules.Role;

/** Turns the file's shape (defaults, groups, hosts) into hosts with every setting applied. */
final class InventoryResolver {
    private static final int DEFAULT_SSH_PORT = 22;
    private static final int DEFAULT_REDIS_PORT = 6379;
    /** The login when neither the inventory nor ssh_config gives one, as with ssh. */
    private static final String LOCAL_USER = System.getProperty("user.name");

    private final Path file;
    private final Path home;
    private final Map<String, int[]> keyPositions;
    private final SpecChecks checks;
    private final Map<String, Located<String>> seenNames = new HashMap<>();

    /** @param keyPositions line and column of each key by field path, for errors about keys (group names) */
    InventoryResolver(Path file, Path home, Map<String, int[]> keyPositions) {
        this.file = file;
        this.home = home;
        this.keyPositions = keyPositions;
        this.checks = new SpecChecks(file);
    }

    Inventory resolve(InventoryFileSpec spec) throws InventoryException {
        if (spec.environment == null) {
            throw new InventoryException(file, 1, 1, "environment", "missing required field: say which "
                    + "environment this file describes (production, staging or drill); none is assumed");
        }
        SettingsSpec defaults = spec.defaults != null ? spec.defaults : new SettingsSpec();
        checks.settings(defaults);
        List<Host> hosts = new ArrayList<>();
        List<InventoryException> problems = new ArrayList<>();
        if (spec.groups != null) {
            Map<String, Located<String>> groupNames = new HashMap<>();
            for (Map.Entry<String, GroupSpec> group : spec.groups.entrySet()) {
                Located<String> name = groupName(group.getKey(), groupNames);
                if (group.getValue() == null) {
                    throw error(name, "groups", "group '" + name.value() + "' is empty; give it 'hosts'");
                }
                GroupSpec g = group.getValue();
                checks.settings(g);
                for (Located<HostSpec> host : nonNull(g.hosts)) {
                    hostOrProblem(() -> host(host, group.getKey(), g, defaults), hosts, problems);
                }
            }
        }
        for (Located<HostSpec> host : nonNull(spec.hosts)) {
            hostOrProblem(() -> host(host, null, new SettingsSpec(), defaults), hosts, problems);
        }
        NotifySettings comms = NotifySettings.NONE;
        try {
            comms = new NotifyResolver(file, keyPositions, this::expand).resolve(spec.notify);
        } catch (InventoryException e) {
            problems.add(e);
        }
        CoordinationSettings coordination = null;
        try {
            coordination = new CoordinationResolver(file, keyPositions).resolve(spec.coordination, hosts);
        } catch (InventoryException e) {
            problems.add(e);
        }
        if (!problems.isEmpty()) {
            throw InventoryException.of(problems); // every host's problem at once, not one per attempt
        }
        if (hosts.isEmpty()) {
            throw new InventoryException(file, 1, 1, "hosts", "no hosts: list them under 'hosts' or in a group");
        }
        return new Inventory(file, spec.environment, hosts, comms, coordination, spec.approval);
    }

    private interface HostRead {
        Host read() throws InventoryException;
    }

    private static void hostOrProblem(HostRead read, List<Host> hosts, List<InventoryException> problems) {
        try {
            hosts.add(read.read());
        } catch (InventoryException e) {
            problems.add(e);
        }
    }

    private Located<String> groupName(String name, Map<String, Located<String>> seen) throws InventoryException {
        int[] at = keyPositions.getOrDefault("groups." + name, new int[] {1, 1});
        Located<String> located = new Located<>(name, at[0], at[1]);
        checks.check(located, Role.NAME, "groups", "group name");
        Located<String> first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), located);
        if (first != null) {
            throw error(located, "groups", "group name '" + name + "' differs only by case from '" + first.value()
                    + "' (line " + first.line() + "); names must differ by more than case");
        }
        return located;
    }

    private Host host(Located<HostSpec> entry, String group, SettingsSpec g, SettingsSpec d)
            throws InventoryException {
        HostSpec h = entry.value();
        if (h == null) {
            throw error(entry, "hosts", "empty item in hosts; expected at least 'name' and 'address'");
        }
        if (h.name == null || blank(h.name.value())) {
            throw error(entry, "name", "missing required field in host entry");
        }
        String name = h.name.value().trim();
        checks.check(name, h.name, Role.NAME, "name", "host name");
        Located<String> first = seenNames.putIfAbsent(name.toLowerCase(Locale.ROOT), new Located<>(name,
                h.name.line(), h.name.column()));
        if (first != null && first.value().equals(name)) {
            throw error(h.name, "name", "duplicate host name '" + name + "' (first defined at line "
                    + first.line() + ")");
        }
        if (first != null) {
            throw error(h.name, "name", "host name '" + name + "' differs only by case from '" + first.value()
                    + "' (line " + first.line() + "); names must differ by more than case");
        }
        if (h.address == null || blank(h.address.value())) {
            throw error(entry, "address", "missing required field for host '" + name + "'");
        }
        String address = h.address.value().trim();
        checks.check(address, h.address, Role.ADDRESS, "address", "address of host '" + name + "'");
        checks.settings(h);
        String user = value(pick(h.user, g.user, d.user));
        if (user != null && blank(user)) {
            throw error(entry, "user", "empty user for host '" + name + "'; give a login or leave the field out");
        }
        Located<Integer> portAt = pick(h.port, g.port, d.port);
        int port = portAt == null ? DEFAULT_SSH_PORT : checkPort(portAt, "port");
        List<String> identities = pick(h.identityFiles, g.identityFiles, d.identityFiles);
        Boolean agent = pick(h.agent, g.agent, d.agent);
        Boolean tty = pick(h.tty, g.tty, d.tty);
        Set<String> tags = new LinkedHashSet<>();
        for (List<Located<String>> list : List.of(nonNull(d.tags), nonNull(g.tags), nonNull(h.tags))) {
            list.forEach(t -> tags.add(t.value()));
        }
        Located<RedisSpec> redis = pick(h.redis, g.redis, d.redis);
        List<HealthCheckSpec> checks = new ArrayList<>();
        for (List<Located<HealthCheckEntry>> list : List.of(nonNull(d.healthChecks), nonNull(g.healthChecks),
                nonNull(h.healthChecks))) {
            list.forEach(c -> checks.add(new HealthCheckSpec(c.value().name, c.value().type, c.value().values())));
        }
        Map<String, Object> thresholds = new HashMap<>();
        thresholds.putAll(nonNull(d.thresholds));
        thresholds.putAll(nonNull(g.thresholds));
        thresholds.putAll(nonNull(h.thresholds));
        return new Host(name, address, port, user == null ? LOCAL_USER : user.trim(),
                identities == null ? List.of() : identities.stream().map(this::expand).toList(),
                agent == null || agent, List.copyOf(tags), value(pick(h.appDir, g.appDir, d.appDir)), group,
                redis == null ? null : redis(redis), breakers(pick(h.breakers, g.breakers, d.breakers)), checks,
                thresholds, route(h, g, d, user != null, portAt != null, identities != null, agent != null),
                tty != null && tty);
    }

    /** Jump and proxy command (the most specific level that says either wins) and which SSH fields were given. */
    private HostRoute route(HostSpec h, SettingsSpec g, SettingsSpec d, boolean user, boolean port,
                            boolean identities, boolean agent) throws InventoryException {
        Set<String> given = new LinkedHashSet<>();
        if (user) {
            given.add(HostRoute.USER);
        }
        if (port) {
            given.add(HostRoute.PORT);
        }
        if (identities) {
            given.add(HostRoute.IDENTITY_FILES);
        }
        if (agent) {
            given.add(HostRoute.AGENT);
        }
        List<String> jump = null;
        String proxyCommand = null;
        for (SettingsSpec level : List.of(h, g, d)) {
            if (level.jump != null && level.proxyCommand != null) {
                throw error(level.proxyCommand, "proxy_command", "give either 'jump' or 'proxy_command' here, "
                        + "not both (as in ssh_config, only one can carry the connection)");
            }
            if (level.jump != null) {
                jump = JumpField.hops(level.jump, file);
                given.add(HostRoute.JUMP);
                break;
            }
            if (level.proxyCommand != null) {
                proxyCommand = JumpField.proxyCommand(level.proxyCommand, file);
                given.add(HostRoute.PROXY_COMMAND);
                break;
            }
        }
        Boolean sshConfig = pick(h.sshConfig, g.sshConfig, d.sshConfig);
        return new HostRoute(jump, proxyCommand, sshConfig == null || sshConfig, given);
    }

    private RedisEndpoint redis(Located<RedisSpec> at) throws InventoryException {
        RedisSpec r = at.value();
        if (r == null) {
            throw error(at, "redis", "no value; give the redis block or remove the line");
        }
        Located<String> where = r.address != null ? r.address : new Located<>(null, at.line(), at.column());
        String address = blank(r.address == null ? null : r.address.value()) ? "127.0.0.1" : r.address.value().trim();
        String hostPart = address;
        int port = DEFAULT_REDIS_PORT;
        int colon = address.lastIndexOf(':');
        boolean bareIpv6 = address.indexOf(':') != colon && !address.startsWith("[");
        if (colon > 0 && !address.endsWith("]") && !bareIpv6) {
            hostPart = address.substring(0, colon).replace("[", "").replace("]", "");
            try {
                port = checkPort(new Located<>(Integer.parseInt(address.substring(colon + 1)), where.line(),
                        where.column()), "redis.address");
            } catch (NumberFormatException e) {
                throw error(where, "redis.address", "expected host:port, got " + FieldRules.show(address));
            }
        }
        checks.check(hostPart.replace("[", "").replace("]", ""), where, Role.ADDRESS, "redis.address",
                "redis host");
        int db = r.db == null ? 0 : r.db;
        if (db < 0) {
            throw error(at, "redis.db", "must be 0 or more, got " + db);
        }
        boolean shared = r.shared != null ? r.shared : !RedisEndpoint.isLoopback(hostPart);
        String passwordEnv = value(r.passwordEnv);
        return new RedisEndpoint(hostPart, port, db, blank(passwordEnv) ? null : passwordEnv.trim(), shared);
    }

    private BreakerSettings breakers(Located<BreakerSpec> at) throws InventoryException {
        BreakerSettings defaults = BreakerSettings.defaults();
        if (at == null || at.value() == null) {
            return defaults;
        }
        BreakerSpec b = at.value();
        List<BreakerSettings.KeyScheme> schemes = new ArrayList<>();
        for (Located<BreakerSpec.KeySpec> entry : nonNull(b.keys)) {
            BreakerSpec.KeySpec k = entry.value();
            if (k == null || k.state == null || !k.state.contains("{service}")) {
                throw error(entry, "breakers.keys.state", "each key scheme needs a state key containing {service}, got '"
                        + (k == null ? null : k.state) + "'");
            }
            schemes.add(new BreakerSettings.KeyScheme(k.state, k.failures, k.openedAt, k.lastFailure));
        }
        if (b.stuckOpenMinutes != null && b.stuckOpenMinutes < 1 || b.pollSeconds != null && b.pollSeconds < 1) {
            throw error(at, "breakers", "stuck_open_minutes and poll_seconds must be 1 or more");
        }
        return new BreakerSettings(schemes.isEmpty() ? defaults.schemes() : schemes,
                b.rateLimits == null ? defaults.rateLimitPatterns() : b.rateLimits.stream().map(Located::value).toList(),
                b.stuckOpenMinutes == null ? defaults.stuckOpenAfter() : Duration.ofMinutes(b.stuckOpenMinutes),
                b.pollSeconds == null ? defaults.pollEvery() : Duration.ofSeconds(b.pollSeconds));
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

    private static String value(Located<String> at) {
        return at == null ? null : at.value();
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
