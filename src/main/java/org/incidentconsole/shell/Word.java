package org.incidentconsole.shell;

/**
 * One word of a command. {@code text}: its value with the quotes taken off ({@code $VAR} and {@code $(…)} stay as
 * written); {@code raw}: the source text; {@code offset}: where the raw text starts in the analysed script;
 * {@code line}: 1-based line of that offset; {@code quoted}: it was (partly) quoted, so never a glob.
 */
public record Word(String text, String raw, int offset, int line, boolean quoted) {
    /**
     * Whether the program sees an option: {@code -x}, {@code -xyz}, {@code --long}, {@code --long=value} (quotes
     * do not matter: the shell takes them off).
     */
    public boolean isOption() {
        return text.length() > 1 && text.charAt(0) == '-';
    }
}
