package org.incidentconsole.ssh;

import com.hierynomus.sshj.userauth.certificate.Certificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
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
    private final List<Path> certificateFiles;

    /**
     * @param agentSocket the ssh-agent socket (from SSH_AUTH_SOCK), or null for none
     * @param sshDir where default identity files are looked for (~/.ssh) when a host names none
     */
    public SshAuth(Path agentSocket, Path sshDir, PassphrasePrompt prompt) {
        this(agentSocket, sshDir, prompt, new ConcurrentHashMap<>(), List.of());
    }

    private SshAuth(Path agentSocket, Path sshDir, PassphrasePrompt prompt, Map<Path, char[]> passphrases,
                    List<Path> certificateFiles) {
        this.agentSocket = agentSocket;
        this.sshDir = sshDir;
        this.prompt = prompt;
        this.passphrases = passphrases;
        this.certificateFiles = List.copyOf(certificateFiles);
    }

    /** The same, asking another agent (ssh_config's IdentityAgent); passphrases already given are shared. */
    SshAuth withAgentSocket(Path socket) {
        return new SshAuth(socket, sshDir, prompt, passphrases, certificateFiles);
    }

    /**
     * The same, also offering ssh_config's CertificateFile certificates: each with the identity file or agent key
     * it was made for, before that key's plain offer.
     */
    SshAuth withCertificateFiles(List<Path> files) {
        return new SshAuth(agentSocket, sshDir, prompt, passphrases, files);
    }

    /** The methods to try for the host, in order, and a description of them for error messages. */
    Methods methodsFor(SSHClient client, Host host) throws IOException {
        List<AuthMethod> methods = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        List<Certificate<?>> certificates = certificates(tried);
        AgentClient agent = null;
        if (host.agent() && agentSocket != null) {
            try {
                agent = AgentClient.connect(agentSocket);
                for (AgentClient.Identity id : agent.identities()) {
                    for (AgentClient.Identity certified : certifiedAgentKeys(id, certificates)) {
                        AgentAuthMethod method = new AgentAuthMethod(agent, certified, id.blob());
                        methods.add(method);
                        tried.add(method.toString());
                    }
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
                    certificates)) {
                methods.add(new IdentityFileAuth(key, file));
            }
            tried.add(file.toString());
        }
        return new Methods(methods, tried, agent);
    }

    /** The CertificateFile certificates that can be read; the others are named in {@code tried}, as ssh warns. */
    private List<Certificate<?>> certificates(List<String> tried) {
        List<Certificate<?>> read = new ArrayList<>();
        for (Path file : certificateFiles) {
            if (!Files.isRegularFile(file)) {
                tried.add("certificate " + file + " (not found)");
                continue;
            }
            try {
                read.add(UserCertificates.read(file));
            } catch (IOException e) {
                LOG.warn("CertificateFile {} skipped: {}", file, e.getMessage());
                tried.add("certificate " + file + " (not usable: " + e.getMessage() + ")");
            }
        }
        return read;
    }

    /** An agent key's CertificateFile certificates, signed by the agent with the key's private half. */
    private static List<AgentClient.Identity> certifiedAgentKeys(AgentClient.Identity id,
                                                                 List<Certificate<?>> certificates) {
        if (certificates.isEmpty() || id.keyType().contains("-cert-")) {
            return List.of();
        }
        PublicKey key;
        try {
            key = new Buffer.PlainBuffer(id.blob()).readPublicKey();
        } catch (Buffer.BufferException | RuntimeException e) {
            return List.of();
        }
        return UserCertificates.forKey(certificates, key).stream()
                .map(cert -> new AgentClient.Identity(UserCertificates.blob(cert), id.comment())).toList();
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
