package org.incidentconsole.shell;

/**
 * A shell comment. {@code text} starts with {@code #}; {@code ownLine}: nothing but blanks before it on its line.
 */
public record Comment(String text, int offset, int line, boolean ownLine) {
}
