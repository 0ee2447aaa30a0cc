package org.incidentconsole.health;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentconsole.inventory.HealthCheckSpec;
import org.incidentconsole.inventory.Host;

/**
 * Builds checks from the inventory. A check that is configured wrongly is not dropped: it reports UNKNOWN
 * with what is wrong, so the operator sees it.
 */
public final class HealthChecks {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private HealthChecks() {
    }

    public static List<HealthCheck> of(Host host) {
        List<HealthCheck> checks = new ArrayList<>();
        for (HealthCheckSpec spec : host.healthChecks()) {
            checks.add(of(spec, host.thresholds()));
        }
        return checks;
    }

    static HealthCheck of(HealthCheckSpec spec, Map<String, Object> thresholds) {
        String name = spec.name() != null ? spec.name() : spec.type();
        Map<String, Object> s = spec.settings();
        try {
            Duration timeout = Duration.ofSeconds(number(s, "timeout_s", 10).longValue());
            String type = spec.type() == null ? "" : spec.type();
            return switch (type) {
                case "http" -> new HttpCheck(name, URI.create(text(s, "url", null)),
                        number(s, "expect_status", 200).intValue(), text(s, "expect_json", ""),
                        number(s, "warn_ms", 1000).longValue(), timeout);
                case "systemd" -> new SystemdCheck(name, list(s, "services"), timeout);
                case "log-errors" -> new LogErrorsCheck(name, text(s, "file", null),
                        text(s, "pattern", "ERROR|CRITICAL|Fatal|Exception"), number(s, "lines", 1000).intValue(),
                        number(s, "warn_percent", number(thresholds, "investigate_error_rate_percent", 1)).doubleValue(),
                        number(s, "critical_percent", number(thresholds, "error_rate_percent", 5)).doubleValue(),
                        timeout);
                case "disk" -> new DiskCheck(name, text(s, "path", "/"), number(s, "warn_percent", 80).doubleValue(),
                        number(s, "critical_percent", number(thresholds, "disk_used_percent", 90)).doubleValue(),
                        timeout);
                case "memory" -> new MemoryCheck(name, number(s, "warn_percent", 85).doubleValue(),
                        number(s, "critical_percent", number(thresholds, "memory_used_percent", 95)).doubleValue(),
                        timeout);
                case "pii-scan" -> new PiiScanCheck(name, text(s, "file", null), number(s, "lines", 1000).intValue(),
                        timeout);
                case "command" -> new CommandCheck(name, text(s, "command", null), number(s, "expect_exit", 0).intValue(),
                        text(s, "expect_regex", ""), timeout);
                default -> throw new IllegalArgumentException("unknown type '" + type
                        + "' (http, systemd, log-errors, disk, memory, pii-scan, command)");
            };
        } catch (RuntimeException e) {
            return new Misconfigured(name, spec.type(), e.getMessage());
        }
    }

    private static String text(Map<String, Object> s, String key, String fallback) {
        Object v = s.get(key);
        if (v == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("'" + key + "' is missing");
            }
            return fallback.isEmpty() ? null : fallback;
        }
        return String.valueOf(v);
    }

    private static Number number(Map<String, Object> s, String key, Number fallback) {
        Object v = s.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n;
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a number, got '" + v + "'");
        }
    }

    private static List<String> list(Map<String, Object> s, String key) {
        Object v = s.get(key);
        if (v instanceof List<?> l && !l.isEmpty()) {
            return l.stream().map(String::valueOf).toList();
        }
        if (v instanceof String str && !str.isBlank()) {
            return List.of(str.split("[,\\s]+"));
        }
        throw new IllegalArgumentException("'" + key + "' must list at least one entry");
    }

    /** Stands in for a check the inventory describes wrongly. */
    record Misconfigured(String name, String kind, String problem) implements HealthCheck {
        @Override
        public Duration timeout() {
            return DEFAULT_TIMEOUT;
        }

        @Override
        public CheckResult run(HostProbe probe) {
            return new CheckResult(probe.host(), name, kind == null ? "?" : kind, Instant.now(), HealthStatus.UNKNOWN,
                    "misconfigured", problem, Duration.ZERO);
        }
    }
}
