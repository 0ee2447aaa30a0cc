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
    private record Rule(Pattern pattern, String reason) {
    }

    private static final List<Rule> RULES = List.of(
            rule("\\bFLUSHALL\\b", "wipes every key of every Redis database"),
            rule("\\bFLUSHDB\\b", "wipes every key of the Redis database"),
            rule("\\bDEL\\b.*\\bKEYS\\b|\\bKEYS\\b.*\\|\\s*xargs.*\\bDEL\\b", "deletes every Redis key KEYS matches"),
            rule("redis-cli\\b.*\\b(DEL|UNLINK)\\b", "deletes Redis keys"),
            rule("\\bgit\\s+reset\\s+(?:\\S+\\s+){0,8}--hard\\b", "discards uncommitted changes (git reset --hard)"),
            rule("\\bgit\\s+clean\\s+(?:\\S+\\s+){0,8}-[a-zA-Z]*f", "deletes untracked files (git clean -f)"),
            rule("\\bgit\\s+push\\b.*(?:--force\\b|--force-with-lease\\b|\\s-f\\b|\\s\\+[A-Za-z])", "rewrites remote history (force push)"),
            rule("\\brm\\s+(?:-[a-zA-Z]*r[a-zA-Z]*f|-[a-zA-Z]*f[a-zA-Z]*r|-r\\s+-f|-f\\s+-r|--recursive\\s+--force)",
                    "deletes files recursively (rm -rf)"),
            rule("\\bsystemctl\\s+(?:\\S+\\s+){0,8}(restart|stop|kill|disable|mask)\\b", "restarts or stops a service"),
            rule("\\bservice\\s+\\S+\\s+(restart|stop)\\b", "restarts or stops a service"),
            rule("\\bsupervisorctl\\s+(restart|stop)\\b", "restarts or stops supervised processes"),
            rule("\\bkubectl\\s+(?:\\S+\\s+){0,8}(delete|drain)\\b", "deletes Kubernetes resources"),
            rule("\\bkubectl\\s+(?:\\S+\\s+){0,8}rollout\\s+(undo|restart)\\b", "rolls Kubernetes workloads back or restarts them"),
            rule("\\bkubectl\\s+(?:\\S+\\s+){0,8}scale\\b.*--replicas[= ]0\\b", "scales a workload to zero"),
            rule("(?i)\\bDROP\\s+(TABLE|DATABASE|SCHEMA|INDEX)\\b", "drops database objects"),
            rule("(?i)\\bTRUNCATE\\b", "empties database tables"),
            rule("(?i)\\bDELETE\\s+FROM\\b", "deletes database rows"),
            rule("\\b(migrate:rollback|migrate:reset|migrate:fresh|db:rollback|db:drop|alembic\\s+downgrade)\\b",
                    "rolls the database schema back"),
            rule("\\bartisan\\s+down\\b", "puts the application in maintenance mode"),
            rule("\\bqueue:restart\\b", "restarts the queue workers"),
            rule("\\bdocker(?:-compose|\\s+compose)\\s+(down|stop|rm|kill)\\b", "stops or removes containers"),
            rule("\\bdocker\\s+(stop|rm|kill|rmi|system\\s+prune)\\b", "stops or removes containers"),
            rule("\\bpg_restore\\b.*--clean\\b|\\bpg_restore\\b.*\\s-c\\b", "restores over the existing database (pg_restore --clean)"),
            rule("\\bdropdb\\b", "deletes a database"),
            rule("\\b(kill\\s+-9|pkill|killall)\\b", "kills processes"),
            rule("\\b(shutdown|reboot|halt|poweroff)\\b", "shuts the machine down or reboots it"),
            rule("\\bnginx\\s+-s\\s+(stop|quit)\\b", "stops nginx"));
    private static final Pattern MARK = Pattern.compile("#\\s*danger\\s*:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    private DangerDetector() {
    }

    private static Rule rule(String regex, String reason) {
        return new Rule(Pattern.compile(regex), reason);
    }

    static List<Danger> dangers(String script, int firstLine, String blockMark) {
        List<Danger> found = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        String markAbove = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher mark = MARK.matcher(line);
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
            String reason = detect(command);
            if (reason != null) {
                found.add(new Danger(firstLine + i, command, reason, authorMark != null || blockMark != null));
            } else if (authorMark != null) {
                found.add(new Danger(firstLine + i, command, authorMark, true));
            }
        }
        if (blockMark != null && found.isEmpty()) {
            found.add(new Danger(firstLine, script.strip().lines().findFirst().orElse(""),
                    reasonOrDefault(blockMark), true));
        }
        return found;
    }

    static String detect(String command) {
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(command).find()) {
                return rule.reason();
            }
        }
        return null;
    }

    private static String reasonOrDefault(String reason) {
        String r = reason.strip();
        return r.isEmpty() ? "marked dangerous by the runbook's author" : r;
    }
}
