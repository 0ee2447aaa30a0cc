package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.incidentconsole.runbook.ShellCommands.Command;

/** Recognises watches (they run until stopped) and interactive commands (they wait for a terminal): a rule table. */
final class CommandFlags {
    private record Rule(CommandFlag.Kind kind, Predicate<Command> matches, String reason) {
    }

    private static final CommandFlag.Kind WATCH = CommandFlag.Kind.WATCH;
    private static final CommandFlag.Kind INTERACTIVE = CommandFlag.Kind.INTERACTIVE;
    private static final Set<String> FOLLOW = Set.of("-f", "-F", "--follow");
    private static final Set<String> KUBE = Set.of("kubectl", "oc", "k");
    private static final Set<String> REPLS = Set.of("python", "python3", "node", "irb", "ipython", "bash", "sh",
            "zsh", "iex", "ghci", "lua", "php", "psql", "mysql", "mariadb", "sqlite3", "mongo", "mongosh", "redis-cli",
            "valkey-cli", "cqlsh", "clickhouse-client", "sqlplus", "ftp", "sftp", "telnet");
    private static final Set<String> SCREENS = Set.of("top", "htop", "atop", "btop", "iotop", "nmon", "less", "more",
            "most", "vim", "vi", "nvim", "nano", "emacs", "pico", "man", "mc", "tmux", "screen", "visudo", "vipw",
            "passwd", "mysql_secure_installation", "k9s", "lazydocker");
    /** Options after which a database client runs the given statement or file and exits. */
    private static final Set<String> RUNS_GIVEN = Set.of("-c", "--command", "-f", "--file", "-e", "--execute",
            "--eval", "-l", "--list", "-x", "--version", "-V", "--help", "--batch", "-B");
    private static final Set<String> REDIS_OPTIONS_WITH_VALUE = Set.of("-h", "-p", "-a", "-n", "-u", "-s", "-r",
            "-i", "--user", "--pass", "--sni", "--cacert", "--cert", "--key", "--tls-ciphers");

    private static final Pattern INTERACTIVE_TTY = Pattern.compile(
            "-\\w*i\\w*|--interactive");
    private static final List<Rule> RULES = List.of(
            new Rule(WATCH, c -> c.name().equals("tail") && c.hasAny(FOLLOW), "follows the file until stopped"),
            new Rule(WATCH, c -> c.name().equals("journalctl") && c.hasAny(FOLLOW), "follows the journal until stopped"),
            new Rule(WATCH, c -> KUBE.contains(c.name()) && c.has("logs") && c.hasAny(FOLLOW),
                    "follows the pod's log until stopped"),
            new Rule(WATCH, c -> KUBE.contains(c.name()) && c.hasAny(Set.of("-w", "--watch", "--watch-only")),
                    "watches for changes until stopped"),
            new Rule(WATCH, c -> Set.of("docker", "docker-compose", "podman").contains(c.name()) && c.has("logs")
                    && c.hasAny(FOLLOW), "follows the container's log until stopped"),
            new Rule(WATCH, c -> Set.of("docker", "podman").contains(c.name()) && c.has("stats")
                    && !c.has("--no-stream"), "streams statistics until stopped"),
            new Rule(WATCH, c -> c.name().equals("watch"), "repeats the command until stopped"),
            new Rule(WATCH, c -> KUBE.contains(c.name()) && (c.has("port-forward") || c.has("attach") || c.has("proxy")),
                    "holds the connection open until stopped"),
            new Rule(WATCH, c -> (c.name().equals("docker-compose") || Set.of("docker", "podman").contains(c.name())
                    && c.has("compose")) && c.has("up") && !c.hasAny(Set.of("-d", "--detach", "--wait")),
                    "runs the containers in the foreground until stopped"),
            new Rule(WATCH, c -> c.name().equals("php") && c.has("artisan") && c.words().stream()
                    .anyMatch(w -> Set.of("queue:work", "queue:listen", "serve", "horizon", "pail").contains(w)),
                    "runs in the foreground until stopped"),
            new Rule(WATCH, c -> c.name().equals("stern"), "follows the pods' logs until stopped"),
            new Rule(WATCH, c -> !KUBE.contains(c.name()) && c.hasAny(Set.of("--watch")), "watches until stopped"),
            new Rule(WATCH, c -> c.name().equals("ping") && !c.words().stream().anyMatch(w -> w.startsWith("-c")),
                    "pings until stopped"),
            new Rule(WATCH, c -> c.name().startsWith("redis-cli") && c.words().stream()
                    .anyMatch(w -> w.equalsIgnoreCase("monitor") || w.equals("--stat")), "streams until stopped"),
            new Rule(INTERACTIVE, c -> c.name().equals("read") && !c.fed(), "waits for the operator to type a line"),
            new Rule(INTERACTIVE, c -> Set.of("mysql", "mariadb").contains(c.name()) && c.words().stream().anyMatch(
                    w -> w.equals("-p") || w.equals("--password")), "asks for a password on the terminal"),
            new Rule(INTERACTIVE, CommandFlags::bareClient, "opens an interactive client (REPL)"),
            new Rule(INTERACTIVE, c -> c.name().equals("php") && c.has("artisan") && c.has("tinker")
                    && !c.words().stream().anyMatch(w -> w.startsWith("--execute")), "opens the tinker REPL"),
            new Rule(INTERACTIVE, c -> c.name().equals("rails") && c.words().size() > 1
                    && Set.of("c", "console", "db", "dbconsole").contains(c.words().get(1)), "opens the Rails console"),
            new Rule(INTERACTIVE, c -> c.words().stream().anyMatch(w -> w.endsWith("rails")) && !c.name().equals("rails")
                    && c.words().stream().anyMatch(w -> w.equals("c") || w.equals("console")), "opens the Rails console"),
            new Rule(INTERACTIVE, c -> c.words().stream().anyMatch(w -> w.endsWith("manage.py"))
                    && c.words().stream().anyMatch(w -> w.equals("shell") || w.equals("dbshell"))
                    && !c.hasAny(Set.of("-c", "--command")) && !c.fed(), "opens the Django shell"),
            new Rule(INTERACTIVE, c -> c.words().size() > 1 && Set.of("shell", "console", "repl").contains(c.words().get(1))
                    && Set.of("flask", "console", "iex", "mix", "lein", "sbt", "rake").contains(c.name()) && !c.fed(),
                    "opens an interactive shell"),
            new Rule(INTERACTIVE, c -> c.name().equals("patronictl") && c.words().stream()
                    .anyMatch(w -> w.equals("failover") || w.equals("switchover") || w.equals("reinit"))
                    && !c.has("--force"), "asks for confirmation on the terminal (add --force)"),
            new Rule(INTERACTIVE, c -> c.name().equals("ssh") && operands(c, Set.of("-i", "-p", "-l", "-o", "-J", "-F",
                    "-L", "-R", "-D", "-b", "-c", "-E", "-m", "-O", "-Q", "-S", "-W", "-w")) == 1,
                    "opens a remote shell"),
            new Rule(INTERACTIVE, c -> SCREENS.contains(c.name()) && !c.fed() && !c.has("-b")
                    && !c.hasAny(Set.of("-n1", "--batch", "--version")), "takes over the terminal"),
            new Rule(INTERACTIVE, c -> KUBE.contains(c.name()) && (c.has("edit") || c.has("exec") && c.words().stream()
                    .anyMatch(w -> INTERACTIVE_TTY.matcher(w).matches())), "opens an interactive session"),
            new Rule(INTERACTIVE, c -> Set.of("docker", "podman").contains(c.name()) && (c.has("exec") || c.has("run"))
                    && c.words().stream().anyMatch(w -> INTERACTIVE_TTY.matcher(w).matches()),
                    "opens an interactive session"),
            new Rule(INTERACTIVE, c -> c.name().equals("su") && !c.has("-c") || c.name().equals("sudo")
                    || c.name().equals("crontab") && c.has("-e")
                    || c.name().equals("git") && (c.has("-i") || c.has("-p") || c.has("--interactive")),
                    "waits for the operator at the terminal"));

    private CommandFlags() {
    }

    static List<CommandFlag> of(String script, int firstLine) {
        List<CommandFlag> flags = new ArrayList<>();
        for (Command c : ShellCommands.read(script)) {
            for (Rule r : RULES) {
                if (r.matches().test(c)) {
                    flags.add(new CommandFlag(r.kind(), firstLine + c.line() - 1, c.text(), r.reason()));
                    break;
                }
            }
        }
        return flags;
    }

    /** A database or language client started with no statement, file or input: it opens a prompt. */
    private static boolean bareClient(Command c) {
        boolean redis = c.name().endsWith("-cli");
        if (!REPLS.contains(c.name()) || c.fed() || !redis && c.hasAny(RUNS_GIVEN)) {
            return false;
        }
        return switch (c.name()) {
            case "redis-cli", "valkey-cli" -> operands(c, REDIS_OPTIONS_WITH_VALUE) == 0;
            case "sqlite3" -> operands(c, Set.of("-cmd", "-separator")) <= 1;
            case "psql", "mysql", "mariadb", "mongo", "mongosh", "cqlsh", "clickhouse-client", "sqlplus" -> true;
            default -> operands(c, Set.of()) == 0;
        };
    }

    /** The words after the command name that are not options (nor an option's value). */
    private static int operands(Command c, Set<String> optionsWithValue) {
        int count = 0;
        List<String> w = c.words();
        for (int i = 1; i < w.size(); i++) {
            String word = w.get(i);
            if (word.startsWith(">") || word.startsWith("2>") || word.equals("&")) {
                i++;
                continue;
            }
            if (word.startsWith("-")) {
                if (optionsWithValue.contains(word)) {
                    i++;
                }
                continue;
            }
            count++;
        }
        return count;
    }
}
