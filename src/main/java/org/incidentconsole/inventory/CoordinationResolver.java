package org.incidentconsole.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.incidentconsole.inventory.FieldRules.Role;

/**
 * Turns the file's {@code coordination:} into {@link CoordinationSettings}; every problem of the block is reported
 * at once, each at its key's line. The breaker Redis is refused by default: it may be the sick component, and
 * runbooks {@code FLUSHDB} it.
 */
final class CoordinationResolver {
    private static final String ROOT = "coordination";
    static final int MAX_DB = 15;

    /** A rule a prefix must keep: what breaks it, and the refusal's sentence after the prefix. */
    private record PrefixRule(Predicate<String> broken, String problem) {
    }

    private static final List<PrefixRule> PREFIX_RULES = List.of(
            new PrefixRule(String::isEmpty, "is empty; give one such as '" + CoordinationSettings.DEFAULT_PREFIX
                    + "' or leave the field out"),
            new PrefixRule(p -> p.chars().anyMatch(c -> "*?[]".indexOf(c) >= 0), "holds a glob character (* ? [ ]);"
                    + " a pattern DEL or SCAN written for it could reach other keys, so keys must be literal"),
            new PrefixRule(p -> p.chars().anyMatch(c -> c <= ' ' || c == 0x7f || c == '\\'), "holds a space, a "
                    + "control character or '\\'; use letters, digits, '-', '_', '.' and ':'"),
            new PrefixRule(p -> !p.endsWith(":"), "must end with ':' so no other key name can continue it"));

    private final NotifyProblems problems;

    CoordinationResolver(Path file, Map<String, int[]> keyPositions) {
        this.problems = new NotifyProblems(file, keyPositions);
    }

    /** The settings, or null when the file has no {@code coordination:}. */
    CoordinationSettings resolve(CoordinationSpec spec, List<Host> hosts) throws InventoryException {
        if (spec == null) {
            return null; // an empty 'coordination:' is refused with the file's shape (YamlShape)
        }
        String[] address = address(spec.redis);
        String via = via(spec.via, hosts);
        int db = spec.db == null ? 0 : spec.db;
        if (db < 0 || db > MAX_DB) {
            problems.add(ROOT + ".db", "db " + db + " is out of range; give 0 to " + MAX_DB);
        }
        String passwordEnv = problems.envName(ROOT + ".password_env", blankToNull(spec.passwordEnv));
        String prefix = spec.prefix == null ? CoordinationSettings.DEFAULT_PREFIX : spec.prefix;
        PREFIX_RULES.stream().filter(r -> r.broken().test(prefix)).findFirst().ifPresent(r ->
                problems.add(ROOT + ".prefix", "prefix " + FieldRules.show(prefix) + " " + r.problem()));
        if (address != null && !Boolean.TRUE.equals(spec.allowBreakerRedis)) {
            notBreakerRedis(address[0], Integer.parseInt(address[1]), db, hosts);
        }
        problems.throwAny();
        return new CoordinationSettings(address[0], Integer.parseInt(address[1]), via, db, passwordEnv,
                Boolean.TRUE.equals(spec.tls), prefix, problems.at(ROOT)[0]);
    }

    /** {host, port} of {@code host:port} (port 6379 when left out), or null with a problem. */
    private String[] address(String written) {
        String path = ROOT + ".redis";
        if (written == null || written.isBlank()) {
            problems.add(ROOT, "coordination needs 'redis': the shared Redis as host:port, e.g. 10.0.4.20:6379");
            return null;
        }
        String text = written.strip();
        String host = text;
        String port = String.valueOf(CoordinationSettings.DEFAULT_PORT);
        int colon = text.lastIndexOf(':');
        boolean bareIpv6 = text.indexOf(':') != colon && !text.startsWith("[");
        if (colon >= 0 && !text.endsWith("]") && !bareIpv6) {
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            problems.add(path, "expected host:port with a port from 1 to 65535, got " + FieldRules.show(text));
            return null;
        }
        Optional<String> bad = FieldRules.problem(Role.ADDRESS, host);
        if (bad.isPresent()) {
            problems.add(path, "redis host " + bad.get());
            return null;
        }
        return new String[] {host, String.valueOf(Integer.parseInt(port))};
    }

    private String via(String written, List<Host> hosts) {
        if (written == null || written.strip().equalsIgnoreCase(CoordinationSettings.DIRECT)) {
            return null;
        }
        String name = written.strip();
        if (hosts.stream().noneMatch(h -> h.name().equals(name))) {
            problems.add(ROOT + ".via", "via " + FieldRules.show(name) + " is no host of this inventory; name the "
                    + "host to tunnel through (SSH), or write 'direct'");
        }
        return name;
    }

    private void notBreakerRedis(String host, int port, int db, List<Host> hosts) {
        hosts.stream().filter(h -> h.redis() != null && sameAddress(h.redis().host(), host)
                        && h.redis().port() == port && h.redis().db() == db).findFirst()
                .ifPresent(h -> problems.add(ROOT + ".redis", "this is the breaker Redis of host "
                        + FieldRules.show(h.name()) + " (" + host + ":" + port + " db " + db + "); the breaker Redis "
                        + "may be the sick component and runbooks FLUSHDB it: use another Redis or db, or set "
                        + "allow_breaker_redis: true"));
    }

    /** Equal ignoring case; every loopback name counts as one, so a doubt refuses rather than allows. */
    private static boolean sameAddress(String a, String b) {
        boolean loopA = RedisEndpoint.isLoopback(a.toLowerCase(Locale.ROOT));
        boolean loopB = RedisEndpoint.isLoopback(b.toLowerCase(Locale.ROOT));
        return loopA && loopB || a.equalsIgnoreCase(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
