package org.incidentconsole.ssh;

/**
 * Asks the operator for the sudo password of {@code user} on {@code host}. Called off the FX thread; may block.
 * {@code problem} is null on the first ask and otherwise says why it is asked again ("sudo refused the password
 * for deploy on web-01"). Returns null when the operator cancels. The answer is held in memory only.
 */
@FunctionalInterface
public interface SudoPasswordPrompt {
    char[] password(String host, String user, String problem);

    SudoPasswordPrompt NONE = (host, user, problem) -> null;
}
