package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Shell-specific reading of a block: does it look like commands, console prompts, comment labels. */
final class ShellText {
    private static final Set<String> COMMANDS = Set.of("cd", "git", "php", "redis-cli", "sudo", "systemctl",
            "service", "curl", "wget", "kubectl", "docker", "docker-compose", "helm", "ls", "cat", "echo", "tail",
            "head", "grep", "export", "npm", "npx", "yarn", "pnpm", "node", "python", "python3", "pip", "composer",
            "artisan", "supervisorctl", "psql", "mysql", "pg_dump", "pg_restore", "mkdir", "rm", "cp", "mv",
            "chmod", "chown", "tar", "ssh", "scp", "rsync", "make", "journalctl", "ps", "kill", "pkill", "df", "du",
            "free", "top", "watch", "for", "while", "if", "aws", "gcloud", "az", "terraform", "ansible", "alembic",
            "rails", "rake", "bundle", "go", "cargo", "java", "mvn", "gradle", "nginx", "apachectl", "crontab",
            "find", "sed", "awk", "xargs", "touch", "source", ".", "set", "exit", "test", "printf", "date", "sleep",
            "vercel", "netlify", "flyway", "knex", "pm2", "nc", "dig", "ping", "openssl", "jq");
    private static final Pattern ALTERNATIVE = Pattern.compile(
            "^#+\\s*(?:option\\s+[A-Z0-9]\\b|alternative(?:ly)?\\b|or\\s+(?:if|to|use|run|for|instead)\\b|or:)",
            Pattern.CASE_INSENSITIVE);

    private ShellText() {
    }

    /** A fence with no language holds shell when its first real line starts with a known command. */
    static boolean looksLikeShell(String text) {
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("$ ")) {
                return true;
            }
            String first = firstWord(line);
            if (first.isEmpty()) {
                return false;
            }
            if (first.contains("=") && !first.startsWith("=")) {
                return first.matches("[A-Za-z_][A-Za-z0-9_]*=.*");
            }
            return COMMANDS.contains(first) || first.startsWith("./") || first.startsWith("/usr/")
                    || first.startsWith("/bin/") || first.startsWith("/opt/");
        }
        return false;
    }

    private static String firstWord(String line) {
        int end = 0;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && ";|&()".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        return line.substring(0, end);
    }

    /** Whether a script has a line that is not blank and not a comment: a comment-only block runs nothing. */
    static boolean hasCommand(String script) {
        for (String raw : script.split("\n", -1)) {
            String line = raw.strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                return true;
            }
        }
        return false;
    }

    /** Comment lines that offer a choice ("# OPTION B: …", "# Or if you tagged…"): the block is not one action. */
    static List<CodeBlock.Label> alternatives(String script, int firstLine) {
        List<CodeBlock.Label> found = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (ALTERNATIVE.matcher(line).find()) {
                found.add(new CodeBlock.Label(firstLine + i, line.replaceFirst("^#+\\s*", "")));
            }
        }
        return found;
    }

    /** Comment lines (not the shebang), kept as labels for the commands below them. */
    static List<CodeBlock.Label> labels(String script, int firstLine) {
        List<CodeBlock.Label> labels = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#") && !line.startsWith("#!")) {
                String text = line.replaceFirst("^#+\\s*", "");
                if (!text.isEmpty()) {
                    labels.add(new CodeBlock.Label(firstLine + i, text));
                }
            }
        }
        return labels;
    }
}
