package org.incidentconsole.app;

import java.nio.file.Path;
import java.util.Map;
import org.incidentconsole.ssh.HostKeyPrompt;
import org.incidentconsole.ssh.HostKeyStore;
import org.incidentconsole.ssh.HostPaths;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SshAuth;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.SshSettings;

/**
 * SSH connections for a command-line tool, as the window has them (~/.ssh/known_hosts and the console's own, the
 * agent, ~/.ssh keys, ssh_config), with nobody to ask: no passphrase, and host keys answered by {@code keys}.
 */
final class CommandLineSsh {
    private CommandLineSsh() {
    }

    /** @param env the process environment (SSH_AUTH_SOCK); the caller closes the connections */
    static SshConnections connections(AppHome home, Map<String, String> env, HostKeyPrompt keys,
                                      AppExecutors executors) {
        Path userHome = InventoryOption.userHome();
        String agent = env.get("SSH_AUTH_SOCK");
        return new SshConnections(SshSettings.defaults(),
                new HostKeyStore(userHome.resolve(".ssh").resolve("known_hosts"), home.knownHosts()),
                new SshAuth(agent == null || agent.isBlank() ? null : Path.of(agent), userHome.resolve(".ssh"),
                        PassphrasePrompt.NONE), keys, executors.io(), executors.scheduler(),
                HostPaths.forUser(userHome));
    }
}
