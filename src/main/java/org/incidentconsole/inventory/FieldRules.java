package org.incidentconsole.inventory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a value may hold, by the role it plays: the rules for inventory fields that reach a shell, a login or a
 * Redis command. Each rule is one row: its length limit, its characters, what it may not start with and its
 * overall shape. {@link #problem} answers with one sentence or nothing.
 */
public final class FieldRules {
    private static final String ALNUM = "ASCII letters, digits";

    /** One row per role; the allowed characters are ASCII letters and digits plus {@code extra}. */
    public enum Role {
        NAME("a name", 253, "._-", "._-", null, null,
                ALNUM + ", '.', '-' and '_'"),
        ADDRESS("a host address", 253, "._-:[]%", ".-%]", Pattern.compile(
                "[A-Za-z0-9_]([A-Za-z0-9._-]*[A-Za-z0-9_])?|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9._-]+)?]?"),
                "a host name, an IPv4 address or an IPv6 address",
                ALNUM + ", '.', '-', '_' (host names; use the xn-- form of an international name) or an IP address"),
        USER("a login name", 64, "._-@", "-.@", null, null, ALNUM + ", '.', '-', '_' and '@'"),
        ABSOLUTE_PATH("a path", 4096, "._-/+@", "", Pattern.compile("/.*"), "an absolute path (starting with '/')",
                ALNUM + " and . _ - / + @ (no spaces, quotes, $, `, ;, |, &, glob characters)"),
        LOG_PATH("a log path", 4096, "._-/+@*?{},", "", Pattern.compile("/.*"),
                "an absolute path or glob (starting with '/')",
                ALNUM + " and . _ - / + @, and the glob characters * ? { } ,"),
        SYSTEMD_UNIT("a systemd unit name", 255, ":_.\\-@", "-.@",
                Pattern.compile("[^@]+(@[^@]*)?"), "a unit name with at most one '@' (as in foo@bar.service)",
                ALNUM + " and : _ . - \\ @ (systemd's unit name characters)"),
        ENV_NAME("an environment variable name", 255, "_", "0123456789", null, null,
                ALNUM + " and '_'"),
        REDIS_KEY("a Redis key pattern", 512, "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", "", null, null,
                "printable ASCII without spaces"),
        URL("a URL", 2048, "-._~:/?#[]@!$&'()*+,;=%", "", null, null, "printable ASCII without spaces");

        private final String label;
        private final int maxLength;
        private final String extra;
        private final String notFirst;
        private final Pattern shape;
        private final String shapeHint;
        private final String allowed;

        Role(String label, int maxLength, String extra, String notFirst, Pattern shape, String shapeHint,
             String allowed) {
            this.label = label;
            this.maxLength = maxLength;
            this.extra = extra;
            this.notFirst = notFirst;
            this.shape = shape;
            this.shapeHint = shapeHint;
            this.allowed = allowed;
        }

        public String label() {
            return label;
        }
    }

    private FieldRules() {
    }

    /** Why {@code value} cannot play {@code role}, in one sentence; empty when it can. */
    public static Optional<String> problem(Role role, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("is empty; expected " + role.label);
        }
        if (value.length() > role.maxLength) {
            return Optional.of("is " + value.length() + " characters long; " + role.label + " has at most "
                    + role.maxLength);
        }
        if (role.notFirst.indexOf(value.charAt(0)) >= 0) {
            return Optional.of(show(value) + " starts with '" + value.charAt(0) + "'; " + role.label
                    + " may hold only " + role.allowed + ", and not " + quoteEach(role.notFirst) + " first");
        }
        int index = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            index++;
            if (!allowed(role, cp)) {
                return Optional.of(show(value) + " holds " + describe(cp) + " at character " + index + "; "
                        + role.label + " may hold only " + role.allowed);
            }
            i += Character.charCount(cp);
        }
        if (role.shape != null && !role.shape.matcher(value).matches()) {
            return Optional.of(show(value) + " is not " + role.shapeHint);
        }
        if (role == Role.URL) {
            return urlProblem(value);
        }
        return Optional.empty();
    }

    /** Like {@link #problem} but throws: for callers outside the inventory that hold a value of this role. */
    public static String require(Role role, String value) {
        Optional<String> problem = problem(role, value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(role.label + " " + problem.get());
        }
        return value;
    }

    private static boolean allowed(Role role, int cp) {
        return cp < 0x80 && (Character.isLetterOrDigit(cp) || role.extra.indexOf(cp) >= 0);
    }

    private static Optional<String> urlProblem(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return Optional.of(show(value) + " is not an http:// or https:// URL with a host");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(show(value) + " is not a URL: " + e.getReason());
        }
    }

    /** "U+0435 CYRILLIC SMALL LETTER IE", with the character itself first when it is printable ASCII. */
    public static String describe(int cp) {
        String name = Character.getName(cp);
        String code = String.format(Locale.ROOT, "U+%04X %s", cp, name == null ? "(unassigned)" : name);
        return cp >= 0x20 && cp < 0x7F ? "'" + (char) cp + "' (" + code + ")" : code;
    }

    /** The value quoted for a message: at most 60 characters, anything outside printable ASCII as \\uXXXX. */
    public static String show(String value) {
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < value.length() && shown < 60; i++, shown++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        if (value.length() > 60) {
            out.append("…");
        }
        return out.append('\'').toString();
    }

    /** "'-', '.' or '@'"; a run of digits reads "a digit". */
    private static String quoteEach(String chars) {
        if (chars.equals("0123456789")) {
            return "a digit";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < chars.length(); i++) {
            out.append(i == 0 ? "" : i == chars.length() - 1 ? " or " : ", ").append('\'').append(chars.charAt(i))
                    .append('\'');
        }
        return out.toString();
    }
}
