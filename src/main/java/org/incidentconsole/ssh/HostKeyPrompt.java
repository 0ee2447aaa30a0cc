package org.incidentconsole.ssh;

/**
 * Asks the operator whether to trust a host key seen for the first time. Called off the FX thread,
 * with no handshake in progress; it may block until the operator answers.
 */
@FunctionalInterface
public interface HostKeyPrompt {
    boolean trust(UnknownHostKey key);

    HostKeyPrompt REFUSE_ALL = key -> false;
}
