package org.incidentconsole.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.incidentconsole.inventory.Host;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key-based authentication: ssh-agent first (when its socket is known), then identity files (OpenSSH or
 * PEM; ed25519, ecdsa, rsa). Passphrases are asked through the prompt and kept in memory only.
 */
public final class SshAuth {
    private static final Logger LOG = LoggerFactory.getLogger(SshAuth.class);
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");
    private static final int PASSPHRASE_ATTEMPTS = 3;

    private final Path agentSocket;
    private final Path sshDir;
    private final PassphrasePrompt prompt;
    private final Map<Path, char[]> passphrases;

    /**
     * @param agentSocket the ssh-agent socket (from SSH_AUTH_SOCK), or null for none
     * @param sshDir where default identity files are looked for (~/.ssh) when a host names none
     */
    public SshAuth(Path agentSocket, Path sshDir, PassphrasePrompt prompt) {
        this(agentSocket, sshDir, prompt, new ConcurrentHashMap<>());
    }

    private SshAuth(Path agentSocket, Path sshDir, PassphrasePrompt prompt, Map<Path, char[]> passphrases) {
        this.agentSocket = agentSocket;
        this.sshDir = sshDir;
        this.prompt = prompt;
        this.passphrases = passphrases;
    }

    /** The same, asking another agent (ssh_config's IdentityAgent); passphrases already given are shared. */
    SshAuth withAgentSocket(Path socket) {
        return new SshAuth(socket, sshDir, prompt, passphrases);
    }

    /** The methods to try for the host, in order, and a description of them for error messages. */
    Methods methodsFor(SSHClient client, Host host) throws IOException {
        List<AuthMethod> methods = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        AgentClient agent = null;
        if (host.agent() && agentSocket != null) {
            try {
                agent = AgentClient.connect(agentSocket);
                for (AgentClient.Identity id : agent.identities()) {
                    AgentAuthMethod method = new AgentAuthMethod(agent, id);
                    methods.add(method);
                    tried.add(method.toString());
                }
                if (methods.isEmpty()) {
                    tried.add("ssh-agent (no keys loaded)");
                }
            } catch (IOException e) {
                LOG.warn("ssh-agent at {} is not usable: {}", agentSocket, e.getMessage());
                tried.add("ssh-agent (not reachable: " + e.getMessage() + ")");
            }
        }
        for (Path file : identityFiles(host)) {
            if (!Files.isRegularFile(file)) {
                tried.add(file + " (not found)");
                continue;
            }
            for (KeyProvider key : UserCertificates.offers(client.loadKeys(file.toString(), finderFor(file)), file,
                    List.of())) {
                methods.add(new IdentityFileAuth(key, file));
            }
            tried.add(file.toString());
        }
        return new Methods(methods, tried, agent);
    }

    private List<Path> identityFiles(Host host) {
        if (!host.identityFiles().isEmpty()) {
            return host.identityFiles();
        }
        return DEFAULT_KEYS.stream().map(sshDir::resolve).filter(Files::isRegularFile).toList();
    }

    private PasswordFinder finderFor(Path file) {
        return new PasswordFinder() {
            private int attempt;

            @Override
            public char[] reqPassword(Resource<?> resource) {
                attempt++;
                char[] known = passphrases.get(file);
                if (known != null && attempt == 1) {
                    return known.clone();
                }
                char[] asked = prompt.passphrase(file, attempt);
                if (asked != null) {
                    passphrases.put(file, asked.clone());
                }
                return asked;
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                passphrases.remove(file);
                return attempt < PASSPHRASE_ATTEMPTS;
            }
        };
    }

    record Methods(List<AuthMethod> methods, List<String> tried, AgentClient agent) implements AutoCloseable {
        @Override
        public void close() {
            if (agent != null) {
                try {
                    agent.close();
                } catch (IOException e) {
                    LOG.debug("closing agent connection", e);
                }
            }
        }
    }
}
