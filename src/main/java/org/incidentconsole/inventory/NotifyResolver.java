package org.incidentconsole.inventory;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.regex.Matcher;
import org.incidentconsole.inventory.FieldRules.Role;
import org.incidentconsole.inventory.NotifySpec.ChannelSpec;
import org.incidentconsole.inventory.NotifySpec.StatusPageSpec;

/**
 * Turns the file's {@code notify:} into {@link NotifySettings} by the rules of {@link NotifyRules}; every problem
 * of the block is reported at once, each at its key's line. A secret's value is never part of a message.
 */
final class NotifyResolver {
    private static final String ROOT = "notify";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, int[]> keys;
    private final Function<String, Path> expand;
    private final List<InventoryException> problems = new ArrayList<>();

    /** @param expand resolves a path as written ({@code ~/} is the user's home) */
    NotifyResolver(Path file, Map<String, int[]> keyPositions, Function<String, Path> expand) {
        this.file = file;
        this.keys = keyPositions;
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
                    problem(channelPath(entry.getKey()), "channel name " + FieldRules.show(entry.getKey())
                            + " differs only by case from " + FieldRules.show(first) + "; names must differ by more");
                    continue;
                }
                channel(entry.getKey(), entry.getValue()).ifPresent(channels::add);
            }
        }
        StatusPageSettings page = spec.statusPage == null ? null : statusPage(spec.statusPage);
        if (!problems.isEmpty()) {
            throw InventoryException.of(problems);
        }
        return new NotifySettings(every, channels, page);
    }

    private Duration updateEvery(Located<String> at) {
        if (at == null) {
            return NotifySettings.DEFAULT_UPDATE_EVERY;
        }
        String path = ROOT + ".update_every";
        Optional<Duration> every = NotifyRules.duration(at.value());
        if (every.isEmpty()) {
            problem(path, "expected a duration such as 30s, 5m or 1h, got " + FieldRules.show(at.value()));
            return NotifySettings.DEFAULT_UPDATE_EVERY;
        }
        if (every.get().compareTo(NotifyRules.MIN_UPDATE_EVERY) < 0
                || every.get().compareTo(NotifyRules.MAX_UPDATE_EVERY) > 0) {
            problem(path, "an update every " + FieldRules.show(at.value()) + " is out of range; give between "
                    + NotifyRules.show(NotifyRules.MIN_UPDATE_EVERY) + " and "
                    + NotifyRules.show(NotifyRules.MAX_UPDATE_EVERY));
        }
        return every.get();
    }

    private Optional<NotifyChannel> channel(String name, ChannelSpec c) {
        String path = channelPath(name);
        int before = problems.size();
        if (!NotifyRules.CHANNEL_NAME.matcher(name).matches()) {
            problem(path, "channel name " + FieldRules.show(name) + " is not a short identifier: a letter, then "
                    + "at most 31 letters, digits, '-' or '_'");
        }
        if (c == null || c.type == null) {
            problem(path, "channel " + FieldRules.show(name) + " has no 'type'; give one of " + kinds());
            return Optional.empty();
        }
        ChannelKind kind = c.type;
        List<String> allowed = NotifyRules.FIELDS.keySet().stream()
                .filter(f -> NotifyRules.ALLOWED.get(kind).contains(f)).toList();
        NotifyRules.FIELDS.forEach((field, read) -> {
            if (read.apply(c) != null && !allowed.contains(field)) {
                problem(path + "." + field, "'" + field + "' is not a field of a " + kind.label() + " channel; it "
                        + "gives type, " + String.join(", ", allowed));
            }
        });
        for (String field : NotifyRules.REQUIRED.get(kind)) {
            Object value = NotifyRules.FIELDS.get(field).apply(c);
            if (value == null || value instanceof String s && s.isBlank()) {
                problem(path, "a " + kind.label() + " channel needs '" + field + "': "
                        + NotifyRules.HINTS.get(field));
            }
        }
        String urlEnv = envName(path + ".url_env", c.urlEnv);
        WebhookShape webhook = kind == ChannelKind.WEBHOOK ? webhook(path, c) : null;
        SmtpSettings smtp = kind == ChannelKind.EMAIL ? smtp(path, c) : null;
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new NotifyChannel(name, kind, at(path)[0], urlEnv, webhook, smtp));
    }

    private WebhookShape webhook(String path, ChannelSpec c) {
        String method = c.method == null ? "POST" : c.method.strip().toUpperCase(Locale.ROOT);
        if (!NotifyRules.METHODS.contains(method)) {
            problem(path + ".method", "method " + FieldRules.show(c.method) + " is not one of "
                    + String.join(", ", NotifyRules.METHODS));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (c.headers != null) {
            c.headers.forEach((name, value) -> {
                String at = path + ".headers." + name;
                headerName(at, name);
                Optional<String> token = NotifyRules.tokenKind(value);
                if (NotifyRules.SECRET_HEADER.matcher(name).matches() || token.isPresent()) {
                    problem(at, "header " + FieldRules.show(name) + " carries " + token.orElse("a secret")
                            + " (not shown); secrets never go in the file: move it to secret_headers, naming the "
                            + "environment variable that holds its value");
                } else {
                    headers.put(name, value);
                }
            });
        }
        Map<String, String> secretHeaders = new LinkedHashMap<>();
        if (c.secretHeaders != null) {
            c.secretHeaders.forEach((name, env) -> {
                String at = path + ".secret_headers." + name;
                headerName(at, name);
                String checked = envName(at, env);
                if (checked != null) {
                    secretHeaders.put(name, checked);
                }
            });
        }
        if (c.body != null) {
            body(path + ".body", c.body);
        }
        return new WebhookShape(method, headers, secretHeaders, c.body);
    }

    private void headerName(String at, String name) {
        if (!NotifyRules.HEADER_NAME.matcher(name).matches()) {
            problem(at, "header name " + FieldRules.show(name) + " is not an HTTP header name");
        }
    }

    private void body(String path, String body) {
        Matcher m = NotifyRules.PLACEHOLDER.matcher(body);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            if (!NotifyRules.FACTS.contains(m.group(1))) {
                int[] at = keys.getOrDefault(path + YamlShape.LITERAL, at(path));
                int line = at[0] + (int) body.substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
                problems.add(new InventoryException(file, line, at[1], path, "the body names {{" + m.group(1)
                        + "}}, which is no fact; a placeholder is one of " + String.join(", ", NotifyRules.FACTS)));
            }
            m.appendReplacement(filled, "\"x\"");
        }
        m.appendTail(filled);
        try {
            JSON.readTree(filled.toString());
        } catch (JacksonException e) {
            problem(path, "the body is not JSON once each {{name}} is filled in as a JSON string: "
                    + firstLine(e.getOriginalMessage()));
        }
    }

    private SmtpSettings smtp(String path, ChannelSpec c) {
        if (c.host != null) {
            FieldRules.problem(Role.ADDRESS, c.host.strip())
                    .ifPresent(p -> problem(path + ".host", "SMTP host " + p));
        }
        SmtpSecurity security = c.security == null ? SmtpSecurity.STARTTLS
                : NotifyRules.SECURITY.get(c.security.strip().toLowerCase(Locale.ROOT));
        if (security == null) {
            problem(path + ".security", "security " + FieldRules.show(c.security) + " is not one of starttls, "
                    + "tls, none");
            security = SmtpSecurity.STARTTLS;
        }
        if (security == SmtpSecurity.NONE && c.host != null && !RedisEndpoint.isLoopback(c.host.strip())) {
            problem(path + ".security", "security: none sends the login and the message unencrypted; it is "
                    + "allowed only for a loopback host (localhost, 127.x.x.x, ::1), not " + FieldRules.show(c.host));
        }
        int port = c.port == null ? NotifyRules.DEFAULT_PORT.get(security) : c.port;
        if (port < 1 || port > 65535) {
            problem(path + ".port", "port out of range (1-65535): " + port);
        }
        if (c.from != null && !NotifyRules.ADDRESS.matcher(c.from.strip()).matches()) {
            problem(path + ".from", "from " + FieldRules.show(c.from) + " is not an address like oncall@example.com");
        }
        List<String> to = c.to == null ? List.of() : c.to.stream().map(String::strip).toList();
        if (c.to != null && to.isEmpty()) {
            problem(path + ".to", "'to' is empty; give at least one recipient address");
        }
        to.stream().filter(a -> !NotifyRules.ADDRESS.matcher(a).matches()).forEach(a ->
                problem(path + ".to", "recipient " + FieldRules.show(a) + " is not an address like "
                        + "incidents@example.com"));
        String userEnv = envName(path + ".user_env", c.userEnv);
        String passwordEnv = envName(path + ".password_env", c.passwordEnv);
        Path caFile = c.caFile == null || c.caFile.isBlank() ? null : expand.apply(c.caFile);
        return c.host == null || c.from == null ? null : new SmtpSettings(c.host.strip(), port, security,
                c.from.strip(), to, userEnv, passwordEnv, caFile);
    }

    private StatusPageSettings statusPage(StatusPageSpec s) {
        String path = ROOT + ".status_page";
        int before = problems.size();
        URI api = api(path + ".api", s.api == null ? NotifyRules.DEFAULT_STATUS_API : s.api.strip());
        if (s.pageId == null || s.pageId.isBlank()) {
            problem(path, "the status page needs 'page_id': the page's id from its API settings");
        } else if (!NotifyRules.ID.matcher(s.pageId.strip()).matches()) {
            problem(path + ".page_id", "page_id " + FieldRules.show(s.pageId) + " is not an id (letters, digits, "
                    + "'-' and '_')");
        }
        if (s.tokenEnv == null || s.tokenEnv.isBlank()) {
            problem(path, "the status page needs 'token_env': the environment variable holding the API token");
        }
        String tokenEnv = envName(path + ".token_env", s.tokenEnv);
        Map<String, String> components = new LinkedHashMap<>();
        if (s.components != null) {
            s.components.forEach((name, id) -> {
                if (name.isBlank() || id == null || !NotifyRules.ID.matcher(id.strip()).matches()) {
                    problem(path + ".components." + name, "component " + FieldRules.show(name) + " needs an id "
                            + "(letters, digits, '-' and '_'), got " + FieldRules.show(String.valueOf(id)));
                } else {
                    components.put(name.strip(), id.strip());
                }
            });
        }
        if (problems.size() > before) {
            return null;
        }
        return new StatusPageSettings(api, s.pageId.strip(), tokenEnv, components, at(path)[0]);
    }

    private URI api(String path, String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !scheme.equals("https") && !scheme.equals("http")) {
                problem(path, "api " + FieldRules.show(text) + " is not an https:// URL with a host");
            } else if (uri.getUserInfo() != null || uri.getRawQuery() != null) {
                problem(path, "api holds a login or a query (not shown); the token goes in token_env, not the URL");
            } else if (scheme.equals("http") && !RedisEndpoint.isLoopback(uri.getHost().replace("[", "")
                    .replace("]", ""))) {
                problem(path, "api " + FieldRules.show(text) + " would send the token unencrypted; use https:// "
                        + "(plain http:// only for a loopback host)");
            }
            return uri;
        } catch (URISyntaxException e) {
            problem(path, "api " + FieldRules.show(text) + " is not a URL: " + e.getReason());
            return null;
        }
    }

    /** The name of an environment variable, or null (with a problem that never shows the value) when it is not. */
    private String envName(String path, String value) {
        if (value == null) {
            return null;
        }
        Optional<String> secret = NotifyRules.secretKind(value);
        if (secret.isPresent()) {
            problem(path, "this holds " + secret.get() + " (not shown) where the name of an environment variable "
                    + "belongs; secrets never go in the file: put the value in an environment variable and write "
                    + "that variable's name here (letters, digits and '_', not starting with a digit)");
            return null;
        }
        return value.strip();
    }

    private static String channelPath(String name) {
        return ROOT + ".channels." + name;
    }

    private static String kinds() {
        return String.join(", ", List.of(ChannelKind.values()).stream().map(ChannelKind::label).toList());
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable" : message;
        int end = m.indexOf('\n');
        return end < 0 ? m : m.substring(0, end);
    }

    /** The line and column of the key at {@code path}, or of the nearest enclosing key the file has. */
    private int[] at(String path) {
        for (String p = path; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            int[] at = keys.get(p);
            if (at != null) {
                return at;
            }
        }
        return new int[] {1, 1};
    }

    private void problem(String path, String message) {
        int[] at = at(path);
        problems.add(new InventoryException(file, at[0], at[1], path, message));
    }
}
