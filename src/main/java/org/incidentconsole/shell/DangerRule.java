package org.incidentconsole.shell;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One row of the danger table: in a language, for a command word (or any, {@code *}), when every condition holds,
 * the command is dangerous in this way for this reason. See {@link Condition} for the conditions.
 */
public record DangerRule(Language language, Set<String> commands, List<Condition> conditions, DangerKind kind,
                         String reason, int row) {
    /** Commands that only show, search or print text: a rule for any command ({@code *}) never matches them. */
    private static final Set<String> NEVER = Set.of("echo", "printf", "grep", "egrep", "fgrep", "rg", "ag", "ack",
            "man", "which", "type", "whereis", "help", "less", "more", "tail", "head", "last", "lastlog", "history",
            "logger", "wc", "sort", "uniq", "tee", "jq", "yq", "test", "[", "[[", "true", "false", "read", "export",
            "local", "declare", "readonly", "alias", "journalctl", "dmesg", "tldr", "apropos", "whatis", "info");

    /** Whether the rule is for any command ({@code *}). */
    public boolean anyCommand() {
        return commands.contains("*");
    }

    /** Arguments that make a tool only show what it would do, or its help. */
    static boolean dryRun(Word w) {
        String t = w.text().toLowerCase(Locale.ROOT);
        return t.equals("--help") || t.equals("--dryrun") || t.equals("--dry-run") || t.equals("--what-if")
                || t.startsWith("--dry-run=") && !t.equals("--dry-run=none") && !t.equals("--dry-run=false");
    }

    /** Whether the row flags the command (dry runs are left out before, by {@link DangerTable#match}). */
    public boolean matches(SimpleCommand command) {
        if (command.language() != language || command.words().isEmpty()) {
            return false;
        }
        String name = command.name();
        if (language == Language.SHELL) {
            boolean writes = conditions.stream().anyMatch(c -> c.name().equals("write"));
            if (commands.contains("*") ? NEVER.contains(name) && !writes
                    : !commands.contains(name) && !prefixMatch(name)) {
                return false;
            }
        } else if (!commands.contains("*") && !commands.contains(name)) {
            return false;
        }
        int[] position = {0};
        for (Condition c : conditions) {
            if (!c.test(command, position)) {
                return false;
            }
        }
        return true;
    }

    /** {@code mkfs*} in the table matches mkfs.ext4. */
    boolean prefixMatch(String name) {
        for (String c : commands) {
            if (c.endsWith("*") && c.length() > 1 && name.startsWith(c.substring(0, c.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
