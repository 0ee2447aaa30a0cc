package org.incidentconsole.runbook;

/**
 * A runbook variable from the front matter. {@code suggest} is a command run on the host whose output lines
 * become choices; the value of a choice is its first word (a commit hash from {@code git log --oneline}).
 * {@code role} tells the report what the value means: {@code rollback-from} or {@code rollback-to}, or null.
 * {@code type} is the rule its value must follow, declared or inferred (see {@link ValueType}).
 */
public record Variable(String name, String description, String defaultValue, String suggest, String role,
                       ValueType type, int line) {
    public Variable {
        type = type != null ? type : ValueType.infer(name, role);
    }

    public static String valueOfChoice(String line) {
        String trimmed = line.strip();
        int space = indexOfSpace(trimmed);
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
