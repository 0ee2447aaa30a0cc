package org.incidentconsole.runbook;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a variable's value is, declared in the front matter as {@code type:}. Each type is a rule checked before
 * the value goes into a command; every value is then inserted as one quoted shell word whatever its type.
 * Without {@code type:}, the type is inferred: {@code rollback-from}/{@code rollback-to} roles and names ending
 * in {@code ref}, {@code tag}, {@code commit}, {@code sha}, {@code hash} or {@code branch} are git refs; names ending in
 * {@code dir} or {@code path} are paths; {@code url} → url; {@code service} → service; {@code host} → host;
 * anything else is free text.
 */
public enum ValueType {
    /**
     * A git ref as {@code git check-ref-format --allow-onelevel} accepts it, or a 4–64 digit hex hash, optionally
     * followed by {@code ~N} / {@code ^N} steps (HEAD~1, v1.2^2).
     */
    GIT_REF("git-ref", "a git ref (branch, tag or commit; ~N and ^N allowed at the end)"),
    /** An absolute or relative path of letters, digits and {@code / . _ - + @ : , =}. */
    PATH("path", "a path of letters, digits and / . _ - + @ : , ="),
    /** A service or systemd unit name. */
    SERVICE("service", "a service name of letters, digits and . _ - @ : +"),
    /** A host name or IP address. */
    HOST("host", "a host name or IP address"),
    /** A whole or decimal number. */
    NUMBER("number", "a number"),
    /** An http(s) URL without spaces or quotes. */
    URL("url", "an http:// or https:// URL without spaces or quotes"),
    /** Anything but NUL and line breaks, inserted as one quoted word. */
    TEXT("text", "free text: inserted as one quoted word");

    /** No value is longer: a runbook variable is a word, not a file. */
    public static final int MAX_LENGTH = 4096;

    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-fA-F]{4,64}");
    private static final Pattern ANCESTRY = Pattern.compile("(?:[~^][0-9]{0,4})+$");
    private static final Pattern PATH_CHARS = Pattern.compile("[A-Za-z0-9/._+@:,=-]+");
    private static final Pattern SERVICE_CHARS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:+-]*");
    private static final Pattern HOST_CHARS = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\\.?|\\[?[0-9A-Fa-f:.]+]?");
    private static final Pattern NUMBER_CHARS = Pattern.compile("[0-9]{1,18}(?:\\.[0-9]{1,18})?");
    private static final Pattern URL_CHARS = Pattern.compile("https?://[A-Za-z0-9._~:/?#\\[\\]@!$&()*+,;=%-]+");
    private static final Pattern REF_SUFFIX = Pattern.compile("(?:^|[_-])(?:ref|tag|commit|sha|hash|branch)$");
    private static final Pattern PATH_SUFFIX = Pattern.compile("(?:^|[_-])(?:dir|path|directory|file)$");

    private final String word;
    private final String meaning;

    ValueType(String word, String meaning) {
        this.word = word;
        this.meaning = meaning;
    }

    /** The name used in front matter ({@code git-ref}, {@code path}…). */
    public String word() {
        return word;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<ValueType> of(String word) {
        String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ValueType t : values()) {
            if (t.word.equals(w) || w.equals("ref") && t == GIT_REF || w.equals("string") && t == TEXT) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type of a variable that declares none, from its role and name (see the class comment). */
    public static ValueType infer(String name, String role) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (role != null && role.startsWith("rollback-") || REF_SUFFIX.matcher(n).find()) {
            return GIT_REF;
        }
        if (PATH_SUFFIX.matcher(n).find()) {
            return PATH;
        }
        if (n.equals("url") || n.endsWith("_url") || n.endsWith("-url")) {
            return URL;
        }
        if (n.equals("service") || n.endsWith("_service") || n.endsWith("-service") || n.endsWith("_unit")) {
            return SERVICE;
        }
        if (n.equals("host") || n.endsWith("_host") || n.equals("hostname")) {
            return HOST;
        }
        return TEXT;
    }

    /** Null when the value may be used, else the rule it breaks, as the end of a sentence. */
    public String problem(String value) {
        if (value.length() > MAX_LENGTH) {
            return "is " + value.length() + " characters long (at most " + MAX_LENGTH + ")";
        }
        if (value.indexOf('\0') >= 0) {
            return "contains a NUL character";
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return "contains a line break";
        }
        if (value.startsWith("-")) {
            return "starts with '-', so a command would read it as an option";
        }
        int bracket = value.indexOf('[');
        if (bracket >= 0 && (value.indexOf("$(", bracket) >= 0 || value.indexOf('`', bracket) >= 0)) {
            return "holds [ followed by $( or `, a command bash runs if the value is ever used as a number";
        }
        boolean ok = switch (this) {
            case GIT_REF -> gitRef(value);
            case PATH -> PATH_CHARS.matcher(value).matches();
            case SERVICE -> SERVICE_CHARS.matcher(value).matches();
            case HOST -> HOST_CHARS.matcher(value).matches();
            case NUMBER -> NUMBER_CHARS.matcher(value).matches();
            case URL -> URL_CHARS.matcher(value).matches();
            case TEXT -> true;
        };
        return ok ? null : "is not " + meaning;
    }

    private static boolean gitRef(String value) {
        String ref = ANCESTRY.matcher(value).replaceFirst("");
        return !ref.isEmpty() && (HEX_HASH.matcher(ref).matches() || checkRefFormat(ref));
    }

    /** {@code git check-ref-format --allow-onelevel}'s rules. */
    static boolean checkRefFormat(String ref) {
        if (ref.equals("@") || ref.startsWith("-") || ref.startsWith("/") || ref.endsWith("/") || ref.endsWith(".")
                || ref.contains("..") || ref.contains("@{") || ref.contains("//")) {
            return false;
        }
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c < 0x20 || c == 0x7f || c == ' ' || c == '~' || c == '^' || c == ':' || c == '?' || c == '*'
                    || c == '[' || c == '\\') {
                return false;
            }
        }
        for (String component : ref.split("/")) {
            if (component.startsWith(".") || component.endsWith(".lock")) {
                return false;
            }
        }
        return true;
    }
}
