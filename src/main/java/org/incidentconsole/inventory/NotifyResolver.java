package org.incidentconsole.inventory;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.incidentconsole.inventory.FieldRules.Role;
import org.incidentconsole.inventory.NotifySpec.ChannelSpec;
import org.incidentconsole.inventory.NotifySpec.StatusPageSpec;

/**
 * Turns the file's {@code notify:} into {@link NotifySettings} by the rules of {@link NotifyRules}; every problem
 * of the block is reported at once ({@link NotifyProblems}); a generic webhook is read by {@link WebhookResolver}.
 */
final class NotifyResolver {
    private static final String ROOT = "notify";

    private final NotifyProblems problems;
    private final Function<String, Path> expand;

    /** @param expand resolves a path as written ({@code ~/} is the user's home) */
    NotifyResolver(Path file, Map<String, int[]> keyPositions, Function<String, Path> expand) {
        this.problems = new NotifyProblems(file, keyPositions);
        this.expand = expand;
    }

    NotifySettings resolve(NotifySpec spec) throws InventoryException {
        if (spec == null) {
            return NotifySettings.NONE;
        }
        Duration every = updateEvery(spec.updateEvery);
        List<NotifyChannel> channels = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        if (spec.channels != null) {
            for (Map.Entry<String, ChannelSpec> entry : spec.channels.entrySet()) {
                String first = seen.putIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), entry.getKey());
                if (first != null) {
                    problems.add(channelPath(entry.getKey()), "channel name " + FieldRules.show(entry.getKey())
                            + " differs only by case from " + FieldRules.show(first) + "; names must differ by more");
                    continue;
                }
                channel(entry.getKey(), entry.getValue()).ifPresent(channels::add);
            }
        }
        StatusPageSettings page = spec.statusPage == null ? null : statusPage(spec.statusPage);
        problems.throwAny();
        return new NotifySettings(every, channels, page);
    }

    private Duration updateEvery(Located<String> at) {
        if (at == null) {
            return NotifySettings.DEFAULT_UPDATE_EVERY;
        }
        String path = ROOT + ".update_every";
        Optional<Duration> every = NotifyRules.duration(at.value());
        if (every.isEmpty()) {
            problems.add(path, "expected a duration such as 30s, 5m or 1h, got " + FieldRules.show(at.value()));
            return NotifySettings.DEFAULT_UPDATE_EVERY;
        }
        if (every.get().compareTo(NotifyRules.MIN_UPDATE_EVERY) < 0
                || every.get().compareTo(NotifyRules.MAX_UPDATE_EVERY) > 0) {
            problems.add(path, "an update every " + FieldRules.show(at.value()) + " is out of range; give between "
                    + NotifyRules.show(NotifyRules.MIN_UPDATE_EVERY) + " and "
                    + NotifyRules.show(NotifyRules.MAX_UPDATE_EVERY));
        }
        return every.get();
    }

    private Optional<NotifyChannel> channel(String name, ChannelSpec c) {
        String path = channelPath(name);
        int before = problems.count();
        if (!NotifyRules.CHANNEL_NAME.matcher(name).matches()) {
            problems.add(path, "channel name " + FieldRules.show(name) + " is not a short identifier: a letter, then "
                    + "at most 31 letters, digits, '-' or '_'");
        }
        if (c == null || c.type == null) {
            problems.add(path, "channel " + FieldRules.show(name) + " has no 'type'; give one of " + kinds());
            return Optional.empty();
        }
        ChannelKind kind = c.type;
        List<String> allowed = NotifyRules.FIELDS.keySet().stream()
                .filter(f -> NotifyRules.ALLOWED.get(kind).contains(f)).toList();
        NotifyRules.FIELDS.forEach((field, read) -> {
            if (read.apply(c) != null && !allowed.contains(field)) {
                problems.add(path + "." + field, "'" + field + "' is not a field of a " + kind.label() + " channel; it "
                        + "gives type, " + String.join(", ", allowed));
            }
        });
        for (String field : NotifyRules.REQUIRED.get(kind)) {
            Object value = NotifyRules.FIELDS.get(field).apply(c);
            if (value == null || value instanceof String s && s.isBlank()) {
                problems.add(path, "a " + kind.label() + " channel needs '" + field + "': "
                        + NotifyRules.HINTS.get(field));
            }
        }
        String urlEnv = problems.envName(path + ".url_env", c.urlEnv);
        WebhookShape webhook = kind == ChannelKind.WEBHOOK ? new WebhookResolver(problems).webhook(path, c) : null;
        SmtpSettings smtp = kind == ChannelKind.EMAIL ? smtp(path, c) : null;
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new NotifyChannel(name, kind, problems.at(path)[0], urlEnv, webhook, smtp));
    }

    private SmtpSettings smtp(String path, ChannelSpec c) {
        if (c.host != null) {
            FieldRules.problem(Role.ADDRESS, c.host.strip())
                    .ifPresent(p -> problems.add(path + ".host", "SMTP host " + p));
        }
        SmtpSecurity security = c.security == null ? SmtpSecurity.STARTTLS
                : NotifyRules.SECURITY.get(c.security.strip().toLowerCase(Locale.ROOT));
        if (security == null) {
            problems.add(path + ".security", "security " + FieldRules.show(c.security) + " is not one of starttls, "
                    + "tls, none");
            security = SmtpSecurity.STARTTLS;
        }
        if (security == SmtpSecurity.NONE && c.host != null && !RedisEndpoint.isLoopback(c.host.strip())) {
            problems.add(path + ".security", "security: none sends the login and the message unencrypted; it is "
                    + "allowed only for a loopback host (localhost, 127.x.x.x, ::1), not " + FieldRules.show(c.host));
        }
        int port = c.port == null ? NotifyRules.DEFAULT_PORT.get(security) : c.port;
        if (port < 1 || port > 65535) {
            problems.add(path + ".port", "port out of range (1-65535): " + port);
        }
        if (c.from != null && !NotifyRules.ADDRESS.matcher(c.from.strip()).matches()) {
            problems.add(path + ".from", "from " + FieldRules.show(c.from) + " is not an address like oncall@example.com");
        }
        List<String> to = c.to == null ? List.of() : c.to.stream().map(String::strip).toList();
        if (c.to != null && to.isEmpty()) {
            problems.add(path + ".to", "'to' is empty; give at least one recipient address");
        }
        to.stream().filter(a -> !NotifyRules.ADDRESS.matcher(a).matches()).forEach(a ->
                problems.add(path + ".to", "recipient " + FieldRules.show(a) + " is not an address like "
                        + "incidents@example.com"));
        String userEnv = problems.envName(path + ".user_env", c.userEnv);
        String passwordEnv = problems.envName(path + ".password_env", c.passwordEnv);
        Path caFile = c.caFile == null || c.caFile.isBlank() ? null : expand.apply(c.caFile);
        return c.host == null || c.from == null ? null : new SmtpSettings(c.host.strip(), port, security,
                c.from.strip(), to, userEnv, passwordEnv, caFile);
    }

    private StatusPageSettings statusPage(StatusPageSpec s) {
        String path = ROOT + ".status_page";
        int before = problems.count();
        URI api = api(path + ".api", s.api == null ? NotifyRules.DEFAULT_STATUS_API : s.api.strip());
        if (s.pageId == null || s.pageId.isBlank()) {
            problems.add(path, "the status page needs 'page_id': the page's id from its API settings");
        } else if (!NotifyRules.ID.matcher(s.pageId.strip()).matches()) {
            problems.add(path + ".page_id", "page_id " + FieldRules.show(s.pageId) + " is not an id (letters, digits, "
                    + "'-' and '_')");
        }
        if (s.tokenEnv == null || s.tokenEnv.isBlank()) {
            problems.add(path, "the status page needs 'token_env': the environment variable holding the API token");
        }
        String tokenEnv = problems.envName(path + ".token_env", s.tokenEnv);
        Map<String, String> components = new LinkedHashMap<>();
        if (s.components != null) {
            s.components.forEach((name, id) -> {
                if (name.isBlank() || id == null || !NotifyRules.ID.matcher(id.strip()).matches()) {
                    problems.add(path + ".components." + name, "component " + FieldRules.show(name) + " needs an id "
                            + "(letters, digits, '-' and '_'), got " + FieldRules.show(String.valueOf(id)));
                } else {
                    components.put(name.strip(), id.strip());
                }
            });
        }
        if (problems.count() > before) {
            return null;
        }
        return new StatusPageSettings(api, s.pageId.strip(), tokenEnv, components, problems.at(path)[0]);
    }

    private URI api(String path, String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !scheme.equals("https") && !scheme.equals("http")) {
                problems.add(path, "api " + FieldRules.show(text) + " is not an https:// URL with a host");
            } else if (uri.getUserInfo() != null || uri.getRawQuery() != null) {
                problems.add(path, "api holds a login or a query (not shown); the token goes in token_env, not the URL");
            } else if (scheme.equals("http") && !RedisEndpoint.isLoopback(uri.getHost().replace("[", "")
                    .replace("]", ""))) {
                problems.add(path, "api " + FieldRules.show(text) + " would send the token unencrypted; use https:// "
                        + "(plain http:// only for a loopback host)");
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(path, "api " + FieldRules.show(text) + " is not a URL: " + e.getReason());
            return null;
        }
    }

    private static String channelPath(String name) {
        return ROOT + ".channels." + name;
    }

    private static String kinds() {
        return String.join(", ", List.of(ChannelKind.values()).stream().map(ChannelKind::label).toList());
    }
}
