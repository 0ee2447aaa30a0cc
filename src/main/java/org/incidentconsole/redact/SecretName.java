package org.incidentconsole.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a name (an environment variable, a query parameter, a JSON key, a command-line flag) says its
 * value is a secret. The name is split into word parts at {@code _ - .} and camelCase; a part must BE a secret
 * word (so KEYBOARD, BYPASS, AUTHOR and DESIGN do not count), or end with a compound one (PGPASSWORD).
 */
public final class SecretName {
    /** A name part equal to one of these, anywhere in the name, makes the name secret-bearing. */
    private static final Set<String> SECRET_WORDS = Set.of("TOKEN", "SECRET", "SECRETS", "PASSWORD", "PASSWORDS",
            "PASSWD", "PASSPHRASE", "CREDENTIAL", "CREDENTIALS", "CREDS", "APIKEY", "REQUIREPASS", "MASTERAUTH");
    /** These count as the last part only: REDISCLI_AUTH, X-Amz-Signature, ?sig= — but --auth-local, SIG_ALGORITHM… */
    private static final Set<String> LAST_WORDS = Set.of("AUTH", "SIG", "SIGNATURE", "PRIVATE", "COOKIE", "DSN",
            "SALT", "PIN", "OTP", "TOTP");
    /** A part ending with one of these counts too: PGPASSWORD, ACCESSTOKEN, CLIENTSECRET. */
    private static final List<String> SECRET_SUFFIXES = List.of("PASSWORD", "PASSWD", "TOKEN", "SECRET", "APIKEY",
            "PASSPHRASE", "ACCESSKEY", "SECRETKEY", "PRIVATEKEY");
    /**
     * Ambiguous alone: KEY and PWD need a part before them (STRIPE_KEY, MYSQL_PWD; the shell's PWD is the working
     * directory); PASS needs another part or an upper-case env name.
     */
    private static final Set<String> WEAK_WORDS = Set.of("KEY", "PASS", "PWD");
    /** KEY after one of these names data, not a secret (CACHE_KEY, SORT_KEY, PUBLIC_KEY). */
    private static final Set<String> NOT_SECRET_KEYS = Set.of("CACHE", "SORT", "PARTITION", "ROUTING", "PRIMARY",
            "FOREIGN", "IDEMPOTENCY", "PUBLIC", "PUB", "LOOKUP", "HASH", "SHARD", "DEDUP", "REDIS", "BREAKER", "MAP",
            "INDEX", "UNIQUE", "RATE", "LIMIT", "HOST", "MAX", "MIN", "TOKENS", "GROUP", "ORDER");
    /** A last part describing the secret rather than holding it: TOKEN_TTL, PASSWORD_FILE, AUTH_METHOD. */
    private static final Set<String> METADATA_SUFFIXES = Set.of("PATH", "FILE", "DIR", "NAME", "ID", "TYPE", "LEN",
            "LENGTH", "SIZE", "COUNT", "TTL", "EXPIRY", "EXPIRES", "EXPIRATION", "EXPIRE", "AGE", "ALGORITHM", "ALG",
            "HEADER", "PREFIX", "FINGERPRINT", "FORMAT", "BITS", "ENABLED", "REQUIRED", "MODE", "VERSION", "METHOD",
            "PROVIDER", "ENDPOINT", "HOST", "PORT", "USER", "USERNAME", "TIMEOUT", "FIELD", "PARAM", "LOCATION",
            "URI", "STRATEGY", "POLICY", "MIN", "MAX", "LIMIT", "RETRIES", "ATTEMPTS", "STDIN", "RATE", "LIFETIME",
            "KIND", "SOURCE", "COMMAND", "CMD", "PROMPT", "RESET", "CHANGED", "UPDATED", "CREATED", "SET");

    private SecretName() {
    }

    public static boolean isSecret(String name) {
        List<String> parts = parts(name);
        if (parts.isEmpty()) {
            return false;
        }
        String last = parts.get(parts.size() - 1);
        if (parts.size() > 1 && last.chars().allMatch(Character::isDigit)) {
            last = parts.get(parts.size() - 2); // KEY_FILE_2
        }
        if (parts.size() > 1 && METADATA_SUFFIXES.contains(last) || "NO".equals(parts.get(0))) {
            return false;
        }
        boolean upperEnv = name.chars().noneMatch(Character::isLowerCase);
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            if (SECRET_WORDS.contains(p) || i == parts.size() - 1 && LAST_WORDS.contains(p)
                    || SECRET_SUFFIXES.stream().anyMatch(s -> p.length() > s.length() && p.endsWith(s))) {
                return true;
            }
            if (WEAK_WORDS.contains(p)) {
                boolean qualified = i > 0 && !NOT_SECRET_KEYS.contains(parts.get(i - 1));
                if (qualified || "PASS".equals(p) && (parts.size() > 1 || upperEnv)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the name is about a password (the kind reported) rather than another secret. */
    public static boolean isPassword(String name) {
        return parts(name).stream().anyMatch(p -> p.contains("PASS") || p.equals("PWD"));
    }

    static List<String> parts(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = !Character.isLetterOrDigit(c);
            boolean camel = i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1));
            if ((boundary || camel) && part.length() > 0) {
                parts.add(part.toString().toUpperCase(Locale.ROOT));
                part.setLength(0);
            }
            if (!boundary) {
                part.append(c);
            }
        }
        if (part.length() > 0) {
            parts.add(part.toString().toUpperCase(Locale.ROOT));
        }
        return parts;
    }
}
