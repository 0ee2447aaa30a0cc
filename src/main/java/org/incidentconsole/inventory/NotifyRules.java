package org.incidentconsole.inventory;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentconsole.inventory.NotifySpec.ChannelSpec;

/**
 * The rules of the inventory's {@code notify:} block, as tables: which fields each channel type gives, the facts
 * a webhook body may name, the duration units, and the shapes of a secret written where only the name of an
 * environment variable belongs.
 */
final class NotifyRules {
    static final Pattern CHANNEL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");
    static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");
    static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.)"
            + "{0,8}[A-Za-z0-9-]{1,63}");
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]{0,64}?)\\s*}}");

    static final Duration MIN_UPDATE_EVERY = Duration.ofMinutes(1);
    static final Duration MAX_UPDATE_EVERY = Duration.ofHours(24);
    private static final Pattern DURATION = Pattern.compile("(?:[0-9]{1,5}[a-z]{1,7}){1,3}");
    private static final Pattern DURATION_PART = Pattern.compile("([0-9]{1,5})([a-z]{1,7})");
    private static final Map<String, Duration> UNITS = Map.of("s", Duration.ofSeconds(1), "sec", Duration.ofSeconds(1),
            "m", Duration.ofMinutes(1), "min", Duration.ofMinutes(1), "h", Duration.ofHours(1), "hr",
            Duration.ofHours(1));

    /** The facts a webhook body's {@code {{name}}} may name; each is filled in as a JSON string. */
    static final List<String> FACTS = List.of("text", "subject", "title", "severity", "status", "incident",
            "environment", "template", "operator", "next_update");

    static final List<String> METHODS = List.of("POST", "PUT", "PATCH");
    static final Map<String, SmtpSecurity> SECURITY = Map.of("starttls", SmtpSecurity.STARTTLS, "tls",
            SmtpSecurity.TLS, "none", SmtpSecurity.NONE);
    static final Map<SmtpSecurity, Integer> DEFAULT_PORT = Map.of(SmtpSecurity.STARTTLS, 587, SmtpSecurity.TLS, 465,
            SmtpSecurity.NONE, 25);
    static final String DEFAULT_STATUS_API = "https://api.statuspage.io/v1";

    /** Every field a channel may give besides {@code type}, with how to read it from the spec. */
    static final Map<String, Function<ChannelSpec, Object>> FIELDS = fields();
    private static final Set<String> CHAT = Set.of("url_env");
    /** Per channel type: the fields it may give, and those it must. */
    static final Map<ChannelKind, Set<String>> ALLOWED = Map.of(
            ChannelKind.SLACK, CHAT, ChannelKind.MATTERMOST, CHAT, ChannelKind.TEAMS, CHAT,
            ChannelKind.DISCORD, CHAT,
            ChannelKind.WEBHOOK, Set.of("url_env", "method", "headers", "secret_headers", "body"),
            ChannelKind.EMAIL, Set.of("host", "port", "security", "from", "to", "user_env", "password_env", "ca_file"));
    static final Map<ChannelKind, List<String>> REQUIRED = Map.of(
            ChannelKind.SLACK, List.of("url_env"), ChannelKind.MATTERMOST, List.of("url_env"),
            ChannelKind.TEAMS, List.of("url_env"), ChannelKind.DISCORD, List.of("url_env"),
            ChannelKind.WEBHOOK, List.of("url_env", "body"), ChannelKind.EMAIL, List.of("host", "from", "to"));

    /** Keys that would put a secret in the file, and the field that names its environment variable instead. */
    static final Map<String, String> SECRET_KEYS = Map.ofEntries(Map.entry("url", "url_env"),
            Map.entry("webhook", "url_env"), Map.entry("webhook_url", "url_env"), Map.entry("hook", "url_env"),
            Map.entry("token", "token_env"), Map.entry("api_token", "token_env"), Map.entry("api_key", "token_env"),
            Map.entry("password", "password_env"), Map.entry("pass", "password_env"),
            Map.entry("secret", "an environment variable name"));

    /** A header whose name says it carries a credential belongs in {@code secret_headers}. */
    static final Pattern SECRET_HEADER = Pattern.compile("(?i)(?:proxy-)?authorization|cookie|.*(?:token|secret"
            + "|api-?key|password|signature).*");

    /** What a value written where an environment variable's name belongs looks like, first match wins. */
    private record SecretShape(String kind, Pattern pattern) {
    }

    private static final SecretShape URL_SHAPE = new SecretShape("a URL",
            Pattern.compile("(?i)[a-z][a-z0-9+.-]{0,15}://.*|www\\..*|[^/\\s]+\\.[a-z]{2,}/.*"));
    private static final List<SecretShape> TOKEN_SHAPES = List.of(
            new SecretShape("an authorization value", Pattern.compile("(?i)(?:bearer|basic|oauth|token)\\s+\\S.*")),
            new SecretShape("a token", Pattern.compile("(?:xox[a-z]-|xapp-|ghp_|gho_|ghs_|github_pat_|glpat-|sk-"
                    + "|sk_|rk_|whsec_|eyJ|AKIA|SG\\.|npm_|AIza).*")),
            new SecretShape("a token", Pattern.compile("(?=[^_\\s]{20,}$)(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9].*[0-9]).*")));

    /** Suggestions for a required field that is missing. */
    static final Map<String, String> HINTS = Map.of(
            "url_env", "the environment variable holding the webhook URL, e.g. url_env: OPS_WEBHOOK_URL",
            "body", "the JSON to send, with {{text}} where the message goes",
            "host", "the SMTP server's host name",
            "from", "the sender's address",
            "to", "a list of recipient addresses");

    private NotifyRules() {
    }

    private static Map<String, Function<ChannelSpec, Object>> fields() {
        Map<String, Function<ChannelSpec, Object>> f = new LinkedHashMap<>();
        f.put("url_env", c -> c.urlEnv);
        f.put("method", c -> c.method);
        f.put("headers", c -> c.headers);
        f.put("secret_headers", c -> c.secretHeaders);
        f.put("body", c -> c.body);
        f.put("host", c -> c.host);
        f.put("port", c -> c.port);
        f.put("security", c -> c.security);
        f.put("from", c -> c.from);
        f.put("to", c -> c.to);
        f.put("user_env", c -> c.userEnv);
        f.put("password_env", c -> c.passwordEnv);
        f.put("ca_file", c -> c.caFile);
        return f;
    }

    /**
     * What a value written where an environment variable's name belongs looks like when it is no such name (or
     * looks like a token even so): "a URL", "a token", …; empty for a fine name. Never the value itself.
     */
    static Optional<String> secretKind(String value) {
        String v = value.strip();
        if (URL_SHAPE.pattern().matcher(v).matches()) {
            return Optional.of(URL_SHAPE.kind());
        }
        Optional<String> token = tokenKind(v);
        if (token.isPresent() || ENV_NAME.matcher(v).matches()) {
            return token;
        }
        return Optional.of(v.matches("\\S+") ? "a value that is no variable name (a password?)"
                : "a text with spaces (a password?)");
    }

    /** "a token" or "an authorization value" when {@code value} has a credential's shape. */
    static Optional<String> tokenKind(String value) {
        String v = value.strip();
        return TOKEN_SHAPES.stream().filter(s -> s.pattern().matcher(v).matches()).map(SecretShape::kind).findFirst();
    }

    /** The refusal of a key that would put a secret in the file (null when {@code key} is no such key). */
    static String secretKeyAdvice(String key, Collection<Object> known) {
        String instead = SECRET_KEYS.get(key.toLowerCase(Locale.ROOT));
        if (instead == null) {
            return null;
        }
        List<String> envFields = known.stream().map(String::valueOf).filter(k -> k.endsWith("_env")).sorted().toList();
        String field = envFields.contains(instead) ? instead : envFields.isEmpty() ? null : envFields.get(0);
        return "'" + key + "' would put a secret in the file (its value is not shown); secrets never go in the file: "
                + (field == null ? "keep it in an environment variable" : "name the environment variable that "
                + "holds it with '" + field + "'") + " instead";
    }

    /** "30s", "5m", "1h", "1h30m"; empty when it is not a duration. */
    static Optional<Duration> duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (!DURATION.matcher(t).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = DURATION_PART.matcher(t);
        while (part.find()) {
            Duration unit = UNITS.get(part.group(2));
            if (unit == null) {
                return Optional.empty();
            }
            total = total.plus(unit.multipliedBy(Long.parseLong(part.group(1))));
        }
        return Optional.of(total);
    }

    static String show(Duration d) {
        return d.toHours() > 0 && d.toMinutesPart() == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }
}
