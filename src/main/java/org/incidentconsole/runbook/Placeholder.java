package org.incidentconsole.runbook;

/**
 * Something in a command that must be filled before it may run. {@code token} is the exact text to replace;
 * {@code name} is the variable name for {@code {{name}}} placeholders, else a readable label. {@code offset} is
 * where the token starts in its block's script.
 */
public record Placeholder(Kind kind, String token, String name, int line, String hint, int offset) {
    public enum Kind {
        /** {@code {{name}}}: filled from a runbook variable. */
        VARIABLE,
        /** {@code <commit-hash>} */
        ANGLE,
        /** {@code [DETAILED REASON]} */
        BRACKET,
        /** a literal followed by {@code # Replace with …} */
        REPLACE_LITERAL
    }
}
