package org.incidentconsole.runbook;

/**
 * A runbook variable from the front matter. {@code suggest} is a command run on the host whose output lines
 * become choices; the value of a choice is its first word (a commit hash from {@code git log --oneline}).
 * {@code role} tells the report what the value means: {@code rollback-from} or {@code rollback-to}, or null.
 */
public record Variable(String name, String description, String defaultValue, String suggest, String role,
                       int line) {
    public static String valueOfChoice(String line) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
