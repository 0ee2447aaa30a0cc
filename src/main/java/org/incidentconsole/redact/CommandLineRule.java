package org.incidentconsole.redact;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Passwords given on a command line. One pass splits each command into shell words (quotes kept together, a
 * command ends at a newline, {@code |}, {@code ;} or {@code &}); the last known tool seen decides which short flags
 * take a password. Long flags ({@code --password x}, {@code --db-token=x}) and {@code -Dname=x} count for any tool
 * when {@link SecretName} says the name holds a secret.
 */
final class CommandLineRule implements Rule {
    /** How a tool's password flag takes its value. */
    enum Form {
        /** {@code -p x} or {@code -px}. */
        NEXT_OR_ATTACHED,
        /** {@code -a x} only. */
        NEXT,
        /** {@code user:pw} (curl -u): only what follows the first colon. */
        AFTER_COLON,
        /** {@code user%pw} (smbclient -U): only what follows the first percent sign. */
        AFTER_PERCENT,
        /** {@code pass:x} (openssl -passin): only a literal password, never env:, file: or fd:. */
        OPENSSL_SOURCE
    }

    record Flag(String tool, String flag, Form form, String kind) {
    }

    /** Tool (or tool and subcommand) → the flag that takes a password there. One row per tool and flag. */
    static final List<Flag> FLAGS = List.of(
            new Flag("mysql", "-p", Form.NEXT_OR_ATTACHED, "password"),
            new Flag("mysqldump", "-p", Form.NEXT_OR_ATTACHED, "password"),
            new Flag("mysqladmin", "-p", Form.NEXT_OR_ATTACHED, "password"),
            new Flag("mysqlimport", "-p", Form.NEXT_OR_ATTACHED, "password"),
            new Flag("mysqlcheck", "-p", Form.NEXT_OR_ATTACHED, "password"),
            new Flag("mariadb", "-p", Form.NEXT_OR_ATTACHED, "password"),
            new Flag("mariadb-dump", "-p", Form.NEXT_OR_ATTACHED, "password"),
            new Flag("sshpass", "-p", Form.NEXT_OR_ATTACHED, "password"),
            new Flag("docker login", "-p", Form.NEXT, "password"),
            new Flag("podman login", "-p", Form.NEXT, "password"),
            new Flag("nerdctl login", "-p", Form.NEXT, "password"),
            new Flag("buildah login", "-p", Form.NEXT, "password"),
            new Flag("skopeo login", "-p", Form.NEXT, "password"),
            new Flag("mongo", "-p", Form.NEXT_OR_ATTACHED, "password"),
            new Flag("mongosh", "-p", Form.NEXT_OR_ATTACHED, "password"),
            new Flag("mongodump", "-p", Form.NEXT_OR_ATTACHED, "password"),
            new Flag("mongorestore", "-p", Form.NEXT_OR_ATTACHED, "password"),
            new Flag("redis-cli", "-a", Form.NEXT, "redis-password"),
            new Flag("valkey-cli", "-a", Form.NEXT, "redis-password"),
            new Flag("keydb-cli", "-a", Form.NEXT, "redis-password"),
            new Flag("curl", "-u", Form.AFTER_COLON, "password"),
            new Flag("curl", "--user", Form.AFTER_COLON, "password"),
            new Flag("curl", "-U", Form.AFTER_COLON, "password"),
            new Flag("curl", "--proxy-user", Form.AFTER_COLON, "password"),
            new Flag("smbclient", "-U", Form.AFTER_PERCENT, "password"),
            new Flag("openssl", "-passin", Form.OPENSSL_SOURCE, "password"),
            new Flag("openssl", "-passout", Form.OPENSSL_SOURCE, "password"),
            new Flag("openssl", "-pass", Form.OPENSSL_SOURCE, "password"),
            new Flag("openssl", "-k", Form.NEXT, "password"),
            new Flag("keytool", "-storepass", Form.NEXT, "password"),
            new Flag("keytool", "-keypass", Form.NEXT, "password"),
            new Flag("keytool", "-srcstorepass", Form.NEXT, "password"),
            new Flag("keytool", "-deststorepass", Form.NEXT, "password"),
            new Flag("ldapsearch", "-w", Form.NEXT, "password"),
            new Flag("ldapmodify", "-w", Form.NEXT, "password"),
            new Flag("ldapadd", "-w", Form.NEXT, "password"),
            new Flag("ldapwhoami", "-w", Form.NEXT, "password"),
            new Flag("zip", "-P", Form.NEXT, "password"),
            new Flag("unzip", "-P", Form.NEXT, "password"),
            new Flag("7z", "-p", Form.NEXT_OR_ATTACHED, "password"),
            new Flag("7za", "-p", Form.NEXT_OR_ATTACHED, "password"));
    /** Tools where a word AUTH (any case) is followed by the password: the redis-cli command AUTH. */
    private static final Set<String> REDIS_CLIS = Set.of("redis-cli", "valkey-cli", "keydb-cli");

    /** Tools and the first word of each tool with a subcommand. */
    private static final Set<String> TOOLS = Set.copyOf(FLAGS.stream()
            .flatMap(f -> Stream.of(f.tool(), f.tool().split(" ")[0])).toList());

    /** Longer words are not looked at (tool paths like /usr/local/bin/mysql included). */
    private static final int MAX_TOOL_WORD = 64;

    private record Word(int start, int end) {
    }

    /**
     * Two passes: one keeps quoted strings together ({@code --password 'a b'}), one splits at blanks only, so a
     * command quoted inside another ({@code sh -c 'mysql -px'}, {@code echo "redis-cli -a x"}) is seen too.
     */
    @Override
    public void find(String text, List<Span> out) {
        scan(text, out, true);
        scan(text, out, false);
    }

    private void scan(String text, List<Span> out, boolean quotesGroup) {
        String tool = null;
        String pendingKind = null;
        Flag pendingFlag = null;
        int authWordsLeft = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '|' || c == ';' || c == '&') {
                tool = null;
                pendingFlag = null;
                pendingKind = null;
                authWordsLeft = 0;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            Word w = new Word(i, quotesGroup ? wordEnd(text, i) : blankEnd(text, i));
            i = w.end();
            if (pendingFlag == null && pendingKind == null && authWordsLeft == 0 && text.charAt(w.start()) != '-'
                    && w.end() - w.start() > MAX_TOOL_WORD) {
                continue; // a long word is neither a tool, a flag nor AUTH: no need to copy it
            }
            String word = text.substring(w.start(), w.end());
            if (authWordsLeft > 0) {
                add(out, text, w.start(), w.end(), "redis-password");
                authWordsLeft--;
                continue;
            }
            if (pendingFlag != null) {
                Flag f = pendingFlag;
                pendingFlag = null;
                if (!word.startsWith("-") || f.form() == Form.NEXT) {
                    value(out, text, w.start(), w.end(), f);
                    continue;
                }
            }
            if (pendingKind != null) {
                String kind = pendingKind;
                pendingKind = null;
                if (!word.startsWith("-")) {
                    add(out, text, w.start(), w.end(), kind);
                    continue;
                }
            }
            if (!word.startsWith("-")) {
                String bare = strip(word);
                String base = bare.substring(bare.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (TOOLS.contains(base)) {
                    tool = base;
                } else if (tool != null && TOOLS.contains(tool + " " + base)) {
                    tool = tool + " " + base; // a subcommand: docker login
                } else if (tool != null && REDIS_CLIS.contains(tool)
                        && (bare.equalsIgnoreCase("auth") || bare.equalsIgnoreCase("auth2"))) {
                    authWordsLeft = 2;
                }
                continue;
            }
            Flag f = toolFlag(tool, word);
            if (f != null) {
                if (word.length() > f.flag().length()) {
                    value(out, text, w.start() + f.flag().length(), w.end(), f);
                } else {
                    pendingFlag = f;
                }
                continue;
            }
            if (word.startsWith("--") || word.startsWith("-D")) {
                int eq = word.indexOf('=');
                String name = word.substring(2, eq < 0 ? word.length() : eq);
                if (SecretName.isSecret(name)) {
                    if (eq >= 0) {
                        add(out, text, w.start() + eq + 1, w.end(),
                                SecretName.isPassword(name) ? "password" : "secret");
                    } else if (word.startsWith("--")) {
                        pendingKind = SecretName.isPassword(name) ? "password" : "secret";
                    }
                }
            }
        }
    }

    private static Flag toolFlag(String tool, String word) {
        if (tool == null) {
            return null;
        }
        for (Flag f : FLAGS) {
            if (!f.tool().equals(tool)) {
                continue;
            }
            if (word.equals(f.flag()) || f.form() != Form.NEXT && f.form() != Form.OPENSSL_SOURCE
                    && f.flag().length() == 2 && word.startsWith(f.flag()) && !word.startsWith("--")) {
                return f;
            }
            if (word.startsWith(f.flag() + "=")) {
                return new Flag(f.tool(), f.flag() + "=", f.form(), f.kind());
            }
        }
        return null;
    }

    private static void value(List<Span> out, String text, int start, int end, Flag f) {
        String v = text.substring(start, end);
        int from = switch (f.form()) {
            case AFTER_COLON -> v.indexOf(':') < 0 ? -1 : v.indexOf(':') + 1;
            case AFTER_PERCENT -> v.indexOf('%') < 0 ? -1 : v.indexOf('%') + 1;
            case OPENSSL_SOURCE -> v.replace("'", "").replace("\"", "").startsWith("pass:")
                    ? v.indexOf("pass:") + 5 : -1;
            default -> 0;
        };
        if (from >= 0) {
            add(out, text, start + from, end, f.kind());
        }
    }

    private static void add(List<Span> out, String text, int start, int end, String kind) {
        if (end > start && !text.startsWith(Redactor.MARK, start)) {
            out.add(new Span(start, end, kind));
        }
    }

    /** A word without the quotes, parentheses or {@code $(} around it: {@code "mysql}, {@code $(redis-cli}. */
    private static String strip(String word) {
        int from = 0;
        int to = word.length();
        while (from < to && "\"'(`$".indexOf(word.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && "\"')`".indexOf(word.charAt(to - 1)) >= 0) {
            to--;
        }
        return word.substring(from, to);
    }

    static int blankEnd(String text, int i) {
        int n = text.length();
        while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '|' && text.charAt(i) != ';'
                && text.charAt(i) != '&') {
            i++;
        }
        return i;
    }

    /** The end of a shell word: quotes are followed to their close on the same line. */
    static int wordEnd(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '|' || c == ';' || c == '&') {
                return i;
            }
            if (c == '\\' && i + 1 < n && text.charAt(i + 1) != '\n') {
                i += 2;
            } else if (c == '\'' || c == '"') {
                int close = i + 1;
                while (close < n && text.charAt(close) != c && text.charAt(close) != '\n') {
                    close += c == '"' && text.charAt(close) == '\\' && close + 1 < n ? 2 : 1;
                }
                i = close < n && text.charAt(close) == c ? close + 1 : Math.max(close, i + 1);
            } else {
                i++;
            }
        }
        return n;
    }
}
