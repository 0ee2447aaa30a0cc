package org.incidentconsole.runbook;

/**
 * Something in a command that must be filled before it may run. {@code token} is the exact text to replace;
 * {@code name} is the variable name for {@code {{name}}} placeholders, else a readable label. {@code offset} is
 * where the token starts in its block's script: filling replaces exactly that token there, nothing else.
 */
public record Placeholder(Kind kind, String token, String name, int line, String hint, int offset) {
    public enum Kind {
        /** {@code {{name}}}: filled from a runbook variable. */
        VARIABLE,
        /** {@code <commit-hash>}, {@code <DEPLOYMENT>}, {@code <pod namespace>} */
        ANGLE,
        /** {@code [DETAILED REASON]}, {@code [previous_production_tag]}, {@code [latest-backup]} */
        BRACKET,
        /** a literal followed by {@code # Replace with …} / {@code # Adjust as needed} */
        REPLACE_LITERAL,
        /** a word that names a value instead of being one: {@code YOUR_API_KEY}, {@code your-org}, {@code previous-tag} */
        NAMED,
        /**
         * {@code {{ … }}} where another tool's templates live (in '…', a here-document, after ansible -a or
         * --extra-vars, {@code ${{ … }}}, a dotted name): a variable only when the runbook declares its name, else
         * left as written and reported as a note. Never handed to a step: see {@link PlaceholderFinder#settled}.
         */
        FOREIGN_TEMPLATE
    }
}
