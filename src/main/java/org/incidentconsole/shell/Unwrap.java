package org.incidentconsole.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Takes the wrappers off a command ({@link Wrappers}) and reads the text it hands to a shell ({@code sh -c},
 * {@code ssh host '…'}, a here-document), to a database client ({@code psql -c}, {@code mysql -e}) or to redis-cli.
 */
final class Unwrap {
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\+?=.*", Pattern.DOTALL);
    private static final Set<String> REDIS_CLIENTS = Set.of("redis-cli", "valkey-cli", "keydb-cli");
    private static final Set<String> REDIS_VALUED = Set.of("-h", "-p", "-s", "-a", "-u", "-n", "-r", "-i", "-d", "-D",
            "--user", "--pass", "--cacert", "--cacertdir", "--cert", "--key", "--sni", "--tls-ciphers",
            "--tls-ciphersuites", "--pattern", "--quoted-pattern", "--count", "--eval", "--rdb", "--pipe-timeout",
            "--memkeys-samples", "--intrinsic-latency");
    private static final Set<String> SQL_CLIENTS = Set.of("psql", "mysql", "mariadb", "sqlite3", "clickhouse-client",
            "cockroach", "duckdb");
    private static final int MAX_WRAPPERS = 32;

    private final ShellParser.Context context;
    private final int depth;

    Unwrap(ShellParser.Context context, int depth) {
        this.context = context;
        this.depth = depth;
    }

    void command(List<Word> words, List<Redirect> redirects, String input, Word heredoc, String source, int offset) {
        List<String> wrappers = new ArrayList<>();
        int i = 0;
        for (int round = 0; round < MAX_WRAPPERS; round++) {
            while (i < words.size() && ASSIGNMENT.matcher(words.get(i).raw()).matches()) {
                i++;
            }
            if (i >= words.size()) {
                return;
            }
            int[] key = new int[1];
            Wrappers.Wrapper wrapper = Wrappers.BY_NAME.get(wrapperKey(words, i, key));
            if (wrapper == null) {
                break;
            }
            int next = wrapped(words, key[0], wrapper);
            if (next < 0) {
                if (wrapper.joined() && heredoc != null) {
                    shell(heredoc, wrappers);
                }
                break;
            }
            wrappers.add(text(words.subList(i, next)));
            if (wrapper.joined() && next == words.size() - 1) {
                shell(words.get(next), wrappers);
                return;
            }
            i = next;
        }
        List<Word> command = words.subList(i, words.size());
        SimpleCommand simple = new SimpleCommand(Language.SHELL, command, redirects, input, source, offset,
                context.lineOf(offset), wrappers);
        context.add(simple);
        fedText(simple, heredoc);
    }

    /** The text a shell, database client or redis-cli is given to run, read in its language. */
    private void fedText(SimpleCommand command, Word heredoc) {
        String name = command.name();
        List<Word> args = command.arguments();
        List<String> wrappers = new ArrayList<>(command.wrappers());
        wrappers.add(command.source());
        if (Wrappers.SHELLS.contains(name) || name.equals("su")) {
            Word body = optionValue(args, 'c', "--command");
            if (body != null) {
                shell(body, wrappers);
            } else if (heredoc != null && args.stream().noneMatch(w -> !w.isOption())) {
                shell(heredoc, wrappers);
            }
        } else if (SQL_CLIENTS.contains(name)) {
            Word sql = name.equals("psql") ? optionValue(args, 'c', "--command")
                    : name.startsWith("m") ? optionValue(args, 'e', "--execute")
                    : name.equals("sqlite3") || name.equals("duckdb") ? positional(args, 1)
                    : optionValue(args, name.equals("cockroach") ? 'e' : 'q', name.equals("cockroach") ? "--execute"
                    : "--query");
            Word text = sql != null ? sql : heredoc;
            if (text != null) {
                context.language(Language.SQL, text.text(), bodyStart(text), wrappers);
            }
        } else if (REDIS_CLIENTS.contains(name)) {
            int verb = firstPositional(args, REDIS_VALUED);
            if (verb >= 0) {
                List<Word> redis = args.subList(verb, args.size());
                context.add(new SimpleCommand(Language.REDIS, redis, List.of(), command.input(), command.source(),
                        command.offset(), command.line(), wrappers));
            } else if (heredoc != null) {
                context.language(Language.REDIS, heredoc.text(), bodyStart(heredoc), wrappers);
            }
        }
    }

    private void shell(Word body, List<String> wrappers) {
        int before = context.commands.size();
        context.shell(body.text(), bodyStart(body), depth + 1);
        List<SimpleCommand> inner = context.commands.subList(before, context.commands.size());
        for (int k = 0; k < inner.size(); k++) {
            SimpleCommand c = inner.get(k);
            List<String> all = new ArrayList<>(wrappers);
            all.addAll(c.wrappers());
            inner.set(k, new SimpleCommand(c.language(), c.words(), c.redirects(), c.input(), c.source(), c.offset(),
                    c.line(), all));
        }
    }

    /** Where the value of a word starts in the script: after its opening quote. */
    private static int bodyStart(Word w) {
        String raw = w.raw();
        return w.offset() + (raw.startsWith("$'") ? 2 : raw.startsWith("'") || raw.startsWith("\"") ? 1 : 0);
    }

    /**
     * The wrapper's name in {@link Wrappers#BY_NAME}: one word, or a tool and its subcommand ({@code kubectl exec},
     * {@code docker compose exec}), skipping the tool's own options. {@code end[0]}: the index after the name.
     */
    private static String wrapperKey(List<Word> words, int i, int[] end) {
        String name = basename(words.get(i).text());
        end[0] = i + 1;
        Set<String> global = name.equals("kubectl") || name.equals("oc") ? Wrappers.KUBECTL_GLOBAL
                : name.equals("docker") || name.equals("podman") || name.equals("docker-compose")
                ? Wrappers.DOCKER_GLOBAL : null;
        if (global == null) {
            return name;
        }
        StringBuilder key = new StringBuilder(name);
        int j = i + 1;
        for (int parts = 0; parts < 2 && j < words.size(); parts++) {
            int sub = firstPositional(words.subList(j, words.size()), global);
            if (sub < 0) {
                break;
            }
            String word = words.get(j + sub).text();
            key.append(' ').append(word);
            j += sub + 1;
            end[0] = j;
            if (!word.equals("compose")) {
                break;
            }
        }
        return key.toString();
    }

    /** The index of the wrapped command's first word, or -1 when the wrapper runs nothing. */
    private static int wrapped(List<Word> words, int from, Wrappers.Wrapper wrapper) {
        int j = from;
        if (wrapper.after() != null) {
            for (int k = from; k < words.size(); k++) {
                if (words.get(k).text().equals(wrapper.after())) {
                    return k + 1 < words.size() ? k + 1 : -1;
                }
            }
        }
        int positional = wrapper.positional();
        while (j < words.size()) {
            Word w = words.get(j);
            if (w.text().equals("--")) {
                j++;
                if (positional == 0) {
                    break;
                }
            } else if (w.isOption()) {
                if (wrapper.inert().contains(w.text())) {
                    return -1;
                }
                j += wrapper.valued().contains(w.text()) ? 2 : 1;
            } else if (positional > 0) {
                positional--;
                j++;
            } else {
                break;
            }
        }
        return j < words.size() ? j : -1;
    }

    /** The index of the first word that is not an option nor an option's value, or -1. */
    static int firstPositional(List<Word> args, Set<String> valued) {
        for (int j = 0; j < args.size(); j++) {
            Word w = args.get(j);
            if (w.text().equals("--")) {
                return j + 1 < args.size() ? j + 1 : -1;
            }
            if (!w.isOption()) {
                return j;
            }
            if (valued.contains(w.text())) {
                j++;
            }
        }
        return -1;
    }

    private static Word positional(List<Word> args, int index) {
        int seen = 0;
        for (Word w : args) {
            if (!w.isOption() && seen++ == index) {
                return w;
            }
        }
        return null;
    }

    /**
     * The value of a short option letter given alone or last in a cluster ({@code -c X}, {@code -lc X},
     * {@code -cX}), or of the long option ({@code --command X}, {@code --command=X}).
     */
    static Word optionValue(List<Word> args, char letter, String longName) {
        for (int j = 0; j < args.size(); j++) {
            String t = args.get(j).text();
            Word next = j + 1 < args.size() ? args.get(j + 1) : null;
            if (t.equals(longName)) {
                return next;
            }
            if (t.startsWith(longName + "=")) {
                Word w = args.get(j);
                return new Word(t.substring(longName.length() + 1), w.raw().substring(Math.min(w.raw().length(),
                        longName.length() + 1)), w.offset() + longName.length() + 1, w.line(), w.quoted());
            }
            if (t.length() > 1 && t.charAt(0) == '-' && t.charAt(1) != '-') {
                int at = t.indexOf(letter);
                if (at == t.length() - 1 && t.chars().skip(1).allMatch(Character::isLetter)) {
                    return next;
                }
                if (at == 1 && t.length() > 2 && letter != 'c') {
                    Word w = args.get(j);
                    return new Word(t.substring(2), w.raw().substring(Math.min(2, w.raw().length())), w.offset() + 2,
                            w.line(), w.quoted());
                }
            }
        }
        return null;
    }

    private static String basename(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 && slash < word.length() - 1 ? word.substring(slash + 1) : word;
    }

    private static String text(List<Word> words) {
        StringBuilder out = new StringBuilder();
        for (Word w : words) {
            out.append(out.length() == 0 ? "" : " ").append(w.raw());
        }
        return out.toString();
    }
}
