package org.incidentconsole.ssh;

/**
 * How one command runs: {@code tty} allocates a terminal (stdout and stderr then arrive merged, and the output
 * says so); {@code sudo} answers sudo's password prompt, or is null for none.
 */
public record CommandOptions(boolean tty, SudoResponder sudo) {
    public static final CommandOptions PLAIN = new CommandOptions(false, null);
}
