package org.incidentconsole.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Known host keys: the user's {@code ~/.ssh/known_hosts} (read, never written) and the console's own file
 * (where keys the operator trusted are appended). Hashed and {@code [host]:port} entries are understood.
 */
public final class HostKeyStore {
    private static final Logger LOG = LoggerFactory.getLogger(HostKeyStore.class);

    private final Path userKnownHosts;
    private final Path appKnownHosts;

    /** @param userKnownHosts may be null or missing; never written */
    public HostKeyStore(Path userKnownHosts, Path appKnownHosts) {
        this.userKnownHosts = userKnownHosts;
        this.appKnownHosts = appKnownHosts;
    }

    public Path appKnownHosts() {
        return appKnownHosts;
    }

    List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (userKnownHosts != null) {
            files.add(userKnownHosts);
        }
        files.add(appKnownHosts);
        return files;
    }

    /** What the store says of a key presented by {@code host:port}. */
    public HostKeyCheck check(String host, int port, PublicKey key) {
        String entryHost = entryHost(host, port);
        KeyType type = KeyType.fromKey(key);
        List<String> known = new ArrayList<>();
        for (Path file : files()) {
            for (OpenSSHKnownHosts.KnownHostEntry entry : entries(file)) {
                try {
                    if (entry.appliesTo(type, entryHost)) {
                        if (entry.verify(key)) {
                            return HostKeyCheck.matched();
                        }
                        known.add(fingerprintOf(entry));
                    }
                } catch (IOException e) {
                    LOG.warn("Skipping unreadable known_hosts entry in {}: {}", file, e.getMessage());
                }
            }
        }
        return known.isEmpty() ? HostKeyCheck.unknown() : HostKeyCheck.changed(known);
    }

    /** Key algorithms already on record for the host, so key exchange asks for a key we can check. */
    List<String> knownAlgorithms(String host, int port) {
        String entryHost = entryHost(host, port);
        List<String> algorithms = new ArrayList<>();
        for (Path file : files()) {
            for (OpenSSHKnownHosts.KnownHostEntry entry : entries(file)) {
                try {
                    if (entry.appliesTo(entryHost) && !algorithms.contains(entry.getType().toString())) {
                        algorithms.add(entry.getType().toString());
                    }
                } catch (IOException e) {
                    LOG.debug("Unreadable entry in {}", file, e);
                }
            }
        }
        return algorithms;
    }

    /** Appends a key the operator trusted to the console's own known_hosts. */
    public synchronized void trust(String host, int port, PublicKey key) throws IOException {
        Path parent = appKnownHosts.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String line = entryHost(host, port) + " " + KeyFingerprint.keyField(key) + System.lineSeparator();
        Files.writeString(appKnownHosts, line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        LOG.info("Trusted host key {} {} for {}", KeyFingerprint.type(key), KeyFingerprint.sha256(key),
                entryHost(host, port));
    }

    /** sshj gives MD5 fingerprints of entries; operators compare SHA256 ones, so read the key field. */
    private static String fingerprintOf(OpenSSHKnownHosts.KnownHostEntry entry) {
        String[] fields = entry.getLine().trim().split("\\s+");
        int keyField = fields[0].startsWith("@") ? 3 : 2;
        try {
            return KeyFingerprint.sha256(Base64.getDecoder().decode(fields[keyField]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return entry.getFingerprint();
        }
    }

    static String entryHost(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    private static List<OpenSSHKnownHosts.KnownHostEntry> entries(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return new OpenSSHKnownHosts(file.toFile()).entries();
        } catch (IOException e) {
            LOG.warn("Cannot read known_hosts file {}: {}", file, e.getMessage());
            return List.of();
        }
    }
}
