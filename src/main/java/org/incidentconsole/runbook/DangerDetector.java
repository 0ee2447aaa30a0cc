package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags destructive or disruptive commands with the reason. An author marks a command dangerous (or
 * acknowledges a detected one) with a comment {@code # danger: reason} on its line or the line above, or
 * a whole block with the fence attribute {@code danger="reason"}.
 */
final class DangerDetector {
    /**
     * A rule matches when any of its alternatives does; an alternative is a sequence of patterns that must be
     * found in this order. Sequences replace {@code A.*B} regexes, which are quadratic on a line of many A.
     */
    private record Rule(List<String> keywords, List<List<Pattern>> alternatives, String reason, boolean stopsService) {
        /** @param lower the command in lower case: a rule whose keywords are all absent cannot match */
        boolean matches(String command, String lower) {
            if (keywords.stream().noneMatch(lower::contains)) {
                return false;
            }
            for (List<Pattern> sequence : alternatives) {
                if (inOrder(command, sequence)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Rule> RULES = List.of(
            rule("flushall", "\\bFLUSHALL\\b", "wipes every key of every Redis database"),
            rule("flushdb", "\\bFLUSHDB\\b", "wipes every key of the Redis database"),
            rule("keys", List.of(List.of("\\bDEL\\b", "\\bKEYS\\b"), List.of("\\bKEYS\\b", "\\|\\s*xargs", "\\bDEL\\b")),
                    "deletes every Redis key KEYS matches"),
            rule("redis-cli", List.of(List.of("redis-cli\\b", "\\b(DEL|UNLINK)\\b")), "deletes Redis keys"),
            rule("reset", "\\bgit\\s+reset\\s+(?:\\S+\\s+){0,8}--hard\\b", "discards uncommitted changes (git reset --hard)"),
            rule("clean", "\\bgit\\s+clean\\s+(?:\\S+\\s+){0,8}-[a-zA-Z]*f", "deletes untracked files (git clean -f)"),
            rule("push", List.of(List.of("\\bgit\\s+push\\b", "--force\\b|--force-with-lease\\b|\\s-f\\b|\\s\\+[A-Za-z]")),
                    "rewrites remote history (force push)"),
            rule("rm", "\\brm\\s+(?:-[a-zA-Z]*r[a-zA-Z]*f|-[a-zA-Z]*f[a-zA-Z]*r|-r\\s+-f|-f\\s+-r|--recursive\\s+--force)",
                    "deletes files recursively (rm -rf)"),
            stop("systemctl", "\\bsystemctl\\s+(?:\\S+\\s+){0,8}(restart|stop|kill|disable|mask)\\b", "restarts or stops a service"),
            stop("service", "\\bservice\\s+\\S+\\s+(restart|stop)\\b", "restarts or stops a service"),
            stop("supervisorctl", "\\bsupervisorctl\\s+(restart|stop)\\b", "restarts or stops supervised processes"),
            rule("kubectl", "\\bkubectl\\s+(?:\\S+\\s+){0,8}(delete|drain)\\b", "deletes Kubernetes resources"),
            stop("rollout", "\\bkubectl\\s+(?:\\S+\\s+){0,8}rollout\\s+(undo|restart)\\b", "rolls Kubernetes workloads back or restarts them"),
            rule("scale", List.of(List.of("\\bkubectl\\s+(?:\\S+\\s+){0,8}scale\\b", "--replicas[= ]0\\b")), "scales a workload to zero"),
            rule("drop", "(?i)\\bDROP\\s+(TABLE|DATABASE|SCHEMA|INDEX)\\b", "drops database objects"),
            rule("truncate", "(?i)\\bTRUNCATE\\b", "empties database tables"),
            rule("delete", "(?i)\\bDELETE\\s+FROM\\b", "deletes database rows"),
            rule("migrate:|db:|alembic", "\\b(migrate:rollback|migrate:reset|migrate:fresh|db:rollback|db:drop|alembic\\s+downgrade)\\b",
                    "rolls the database schema back"),
            rule("artisan", "\\bartisan\\s+down\\b", "puts the application in maintenance mode"),
            stop("queue:restart", "\\bqueue:restart\\b", "restarts the queue workers"),
            stop("docker", "\\bdocker(?:-compose|\\s+compose)\\s+(down|stop|rm|kill)\\b", "stops or removes containers"),
            stop("docker", "\\bdocker\\s+(stop|rm|kill|rmi|system\\s+prune)\\b", "stops or removes containers"),
            rule("pg_restore", List.of(List.of("\\bpg_restore\\b", "--clean\\b|\\s-c\\b")),
                    "restores over the existing database (pg_restore --clean)"),
            rule("dropdb", "\\bdropdb\\b", "deletes a database"),
            stop("kill", "\\b(kill\\s+-9|pkill|killall)\\b", "kills processes"),
            stop("shutdown|reboot|halt|poweroff", "\\b(shutdown|reboot|halt|poweroff)\\b", "shuts the machine down or reboots it"),
            stop("nginx", "\\bnginx\\s+-s\\s+(stop|quit)\\b", "stops nginx"));
    private static final Pattern MARK = Pattern.compile("#\\s*danger\\s*:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    private DangerDetector() {
    }

    /** @param keywords words separated by | of which one must appear (any case) for the rule to match */
    private static Rule rule(String keywords, String regex, String reason) {
        return new Rule(List.of(keywords.split("\\|")), List.of(List.of(Pattern.compile(regex))), reason, false);
    }

    /** A rule for a command that restarts or stops what serves users: such steps roll host by host by default. */
    private static Rule stop(String keywords, String regex, String reason) {
        return new Rule(List.of(keywords.split("\\|")), List.of(List.of(Pattern.compile(regex))), reason, true);
    }

    private static Rule rule(String keywords, List<List<String>> sequences, String reason) {
        return new Rule(List.of(keywords.split("\\|")),
                sequences.stream().map(seq -> seq.stream().map(Pattern::compile).toList()).toList(), reason, false);
    }

    /** Whether the patterns occur in this order; each is looked for after the earliest match of the one before. */
    static boolean inOrder(String text, List<Pattern> sequence) {
        int from = 0;
        for (Pattern p : sequence) {
            Matcher m = p.matcher(text);
            if (!m.find(from)) {
                return false;
            }
            from = m.end();
        }
        return true;
    }

    static List<Danger> dangers(String script, int firstLine, String blockMark) {
        List<Danger> found = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        String markAbove = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher mark = MARK.matcher(line.indexOf('#') >= 0 ? line : "");
            String markHere = mark.find() ? reasonOrDefault(mark.group(1)) : null;
            if (line.startsWith("#")) {
                markAbove = markHere;
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            String command = markHere != null ? line.substring(0, mark.start()).strip() : line;
            String authorMark = markHere != null ? markHere : markAbove;
            markAbove = null;
            Rule rule = ruleFor(command);
            if (rule != null) {
                String shown = authorMark != null && !authorMark.equals(reasonOrDefault("")) ? authorMark : rule.reason();
                found.add(new Danger(firstLine + i, command, shown, authorMark != null || blockMark != null,
                        rule.stopsService()));
            } else if (authorMark != null) {
                found.add(new Danger(firstLine + i, command, authorMark, true, false));
            }
        }
        if (blockMark != null && found.isEmpty()) {
            found.add(new Danger(firstLine, script.strip().lines().findFirst().orElse(""),
                    reasonOrDefault(blockMark), true, false));
        }
        return found;
    }

    /** The detector's own reason for a command, or null when no rule flags it. */
    static String detect(String command) {
        Rule rule = ruleFor(command);
        return rule == null ? null : rule.reason();
    }

    private static Rule ruleFor(String command) {
        String lower = command.toLowerCase(java.util.Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.matches(command, lower)) {
                return rule;
            }
        }
        return null;
    }

    private static String reasonOrDefault(String reason) {
        String r = reason.strip();
        return r.isEmpty() ? "marked dangerous by the runbook's author" : r;
    }
}
