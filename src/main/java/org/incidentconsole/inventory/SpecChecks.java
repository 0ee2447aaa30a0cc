package org.incidentconsole.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incidentconsole.inventory.FieldRules.Role;

/**
 * Checks every field that reaches a shell, a login or a Redis command against the rule of its role, where it is
 * written (defaults, a group or a host), so a bad value is reported at its own line even when no host uses it.
 */
final class SpecChecks {
    /** Health check settings that the health package puts into commands or requests, by check type. */
    private static final Map<String, Map<String, Role>> CHECK_FIELDS = Map.of(
            "systemd", Map.of("services", Role.SYSTEMD_UNIT),
            "log-errors", Map.of("file", Role.LOG_PATH),
            "pii-scan", Map.of("file", Role.LOG_PATH),
            "disk", Map.of("path", Role.ABSOLUTE_PATH),
            "http", Map.of("url", Role.URL));

    private final Path file;

    SpecChecks(Path file) {
        this.file = file;
    }

    void settings(SettingsSpec s) throws InventoryException {
        check(s.user, Role.USER, "user", "user");
        for (Located<String> tag : nonNull(s.tags)) {
            check(tag, Role.NAME, "tags", "tag");
        }
        check(s.appDir, Role.ABSOLUTE_PATH, "app_dir", "app_dir");
        if (s.redis != null && s.redis.value() != null) {
            check(s.redis.value().passwordEnv, Role.ENV_NAME, "redis.password_env", "password_env");
        }
        if (s.breakers != null && s.breakers.value() != null) {
            breakers(s.breakers.value());
        }
        for (Located<HealthCheckEntry> check : nonNull(s.healthChecks)) {
            healthCheck(check);
        }
    }

    void check(Located<String> at, Role role, String field, String subject) throws InventoryException {
        if (at != null) {
            check(at.value(), at, role, field, subject);
        }
    }

    void check(String value, Located<?> at, Role role, String field, String subject) throws InventoryException {
        Optional<String> problem = FieldRules.problem(role, value);
        if (problem.isPresent()) {
            throw new InventoryException(file, at.line(), at.column(), field, subject + " " + problem.get());
        }
    }

    private void breakers(BreakerSpec b) throws InventoryException {
        for (Located<BreakerSpec.KeySpec> at : nonNull(b.keys)) {
            BreakerSpec.KeySpec k = at.value();
            if (k == null) {
                continue;
            }
            for (String key : new String[] {k.state, k.failures, k.openedAt, k.lastFailure}) {
                if (key != null) {
                    check(key, at, Role.REDIS_KEY, "breakers.keys", "breaker key");
                }
            }
        }
        for (Located<String> pattern : nonNull(b.rateLimits)) {
            check(pattern, Role.REDIS_KEY, "breakers.rate_limits", "rate limit pattern");
        }
    }

    private void healthCheck(Located<HealthCheckEntry> at) throws InventoryException {
        HealthCheckEntry c = at.value();
        if (c == null) {
            throw new InventoryException(file, at.line(), at.column(), "health_checks",
                    "empty health check; expected at least 'type'");
        }
        String label = "health check " + FieldRules.show(String.valueOf(c.name != null ? c.name : c.type)) + ":";
        for (Map.Entry<String, Role> field : CHECK_FIELDS.getOrDefault(c.type == null ? "" : c.type, Map.of()).entrySet()) {
            Located<Object> value = c.settings.get(field.getKey());
            if (value == null) {
                continue;
            }
            String name = "health_checks." + field.getKey();
            for (Object item : items(value, field.getValue())) {
                if (!(item instanceof String || item instanceof Number)) {
                    throw new InventoryException(file, value.line(), value.column(), name,
                            label + " expected " + (field.getValue() == Role.SYSTEMD_UNIT ? "a list of " : "")
                                    + "text values");
                }
                check(String.valueOf(item), value, field.getValue(), name, label + " " + field.getValue().label());
            }
        }
    }

    /** A list of units may also be written as one text with commas or spaces, as the health package reads it. */
    private static List<?> items(Located<Object> value, Role role) {
        if (role == Role.SYSTEMD_UNIT && value.value() instanceof List<?> list) {
            return list;
        }
        if (role == Role.SYSTEMD_UNIT && value.value() instanceof String text) {
            return List.of(text.strip().split("[,\\s]+"));
        }
        return List.of(value.value());
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
