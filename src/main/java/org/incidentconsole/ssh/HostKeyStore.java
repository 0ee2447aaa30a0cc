package org.incidentconsole.ssh;

import com.hierynomus.sshj.userauth.certificate.Certificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Known host keys: the user's {@code ~/.ssh/known_hosts} (read, never written) and the console's own file
 * (where keys the operator trusted are appended). Hashed, wildcard, {@code [host]:port}, {@code @revoked} and
 * {@code @cert-authority} entries are understood.
 */
public final class HostKeyStore {
    private static final Logger LOG = LoggerFactory.getLogger(HostKeyStore.class);

    private static final String REVOKED = "@revoked";
    private static final String CERT_AUTHORITY = "@cert-authority";
    private static final Map<KeyType, List<String>> SIGNATURES = Map.of(
            KeyType.RSA, List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"));

    /** What a CA vouches for: every certificate algorithm, SHA-2 RSA ones first (OpenSSH 8.8+ refuses SHA-1). */
    private static final List<String> CERTIFICATE_ALGORITHMS = List.of("ssh-ed25519-cert-v01@openssh.com",
            "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
            "ecdsa-sha2-nistp521-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com",
            "rsa-sha2-256-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com");

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

    /**
     * What the store says of a key presented by {@code host:port}, in OpenSSH's order (sshconnect.c
     * check_host_key, hostfile.c check_hostkeys_by_key_or_type): a key marked {@code @revoked} in any file is
     * refused first, whatever else trusts it; then the host's plain entries of <em>every</em> key type are
     * compared, and a host known by any key that does not match is CHANGED, never UNKNOWN (ssh 9.2 here, host
     * known by an ssh-ed25519 key, sshd offering only ecdsa-sha2-nistp256, StrictHostKeyChecking=ask: "WARNING:
     * REMOTE HOST IDENTIFICATION HAS CHANGED! … Offending ED25519 key … Host key verification failed", no
     * prompt). {@code @cert-authority} lines only ever vouch for a certificate.
     */
    public HostKeyCheck check(String host, int port, PublicKey key) {
        return check(host, port, key, List.of());
    }

    /**
     * As {@link #check(String, int, PublicKey)}; a certificate is checked as OpenSSH does: its key, its plain key
     * and its CA key each refused if {@code @revoked}; signed by a CA of an {@code @cert-authority} line for the
     * host, it must be a host certificate for {@code host} or one of {@code names}, valid now; from no trusted CA,
     * its plain key is checked as any key.
     */
    public HostKeyCheck check(String host, int port, PublicKey key, Collection<String> names) {
        String entryHost = entryHost(host, port);
        Map<Path, List<OpenSSHKnownHosts.KnownHostEntry>> byFile = new LinkedHashMap<>();
        for (Path file : files()) {
            byFile.put(file, entries(file));
        }
        Certificate<?> cert = key instanceof Certificate<?> c ? c : null;
        List<byte[]> revocable = cert == null ? List.of(KeyFingerprint.blob(key))
                : List.of(KeyFingerprint.blob(key), KeyFingerprint.blob(cert.getKey()), cert.getSignatureKey());
        for (var file : byFile.entrySet()) {
            for (OpenSSHKnownHosts.KnownHostEntry entry : file.getValue()) {
                if (marker(entry).equals(REVOKED) && applies(entry, entryHost, file.getKey())
                        && revocable.stream().anyMatch(b -> Arrays.equals(b, keyBlob(entry)))) {
                    return HostKeyCheck.revoked(file.getKey());
                }
            }
        }
        if (cert != null) {
            for (var file : byFile.entrySet()) {
                for (OpenSSHKnownHosts.KnownHostEntry entry : file.getValue()) {
                    if (marker(entry).equals(CERT_AUTHORITY) && applies(entry, entryHost, file.getKey())
                            && Arrays.equals(cert.getSignatureKey(), keyBlob(entry))) {
                        List<String> all = new ArrayList<>(List.of(host));
                        all.addAll(names);
                        String problem = HostCertificateCheck.problem(cert, all, Instant.now());
                        return problem == null ? HostKeyCheck.matched() : HostKeyCheck.certificateRefused(problem);
                    }
                }
            }
        }
        byte[] blob = KeyFingerprint.blob(cert == null ? key : cert.getKey());
        List<String> known = new ArrayList<>();
        for (var file : byFile.entrySet()) {
            for (OpenSSHKnownHosts.KnownHostEntry entry : file.getValue()) {
                if (marker(entry).isEmpty() && applies(entry, entryHost, file.getKey())) {
                    if (Arrays.equals(blob, keyBlob(entry))) {
                        return HostKeyCheck.matched();
                    }
                    known.add(fingerprintOf(entry));
                }
            }
        }
        return known.isEmpty() ? HostKeyCheck.unknown() : HostKeyCheck.changed(known);
    }

    /**
     * Host-key algorithms to ask for first, so key exchange yields a key we can check (OpenSSH's
     * order_hostkeyalgs). A known {@code ssh-rsa} key is signed with {@code rsa-sha2-512} or {@code -256}
     * nowadays (sshd 8.8+ refuses SHA-1), so those come first; revoked keys are not "known".
     */
    List<String> knownAlgorithms(String host, int port) {
        String entryHost = entryHost(host, port);
        Set<String> algorithms = new LinkedHashSet<>();
        for (Path file : files()) {
            for (OpenSSHKnownHosts.KnownHostEntry entry : entries(file)) {
                String marker = marker(entry);
                if (marker.equals(REVOKED) || !applies(entry, entryHost, file)) {
                    continue;
                }
                if (marker.equals(CERT_AUTHORITY)) {
                    algorithms.addAll(CERTIFICATE_ALGORITHMS);
                } else {
                    algorithms.addAll(SIGNATURES.getOrDefault(entry.getType(), List.of(entry.getType().toString())));
                }
            }
        }
        return List.copyOf(algorithms);
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
        byte[] blob = keyBlob(entry);
        return blob.length > 0 ? KeyFingerprint.sha256(blob) : entry.getFingerprint();
    }

    /** The key as written in the entry's line (sshj hides an entry's marker and key; the line has both). */
    private static byte[] keyBlob(OpenSSHKnownHosts.KnownHostEntry entry) {
        String[] fields = entry.getLine().trim().split("\\s+");
        int keyField = fields[0].startsWith("@") ? 3 : 2;
        try {
            return Base64.getDecoder().decode(fields[keyField]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return new byte[0];
        }
    }

    private static String marker(OpenSSHKnownHosts.KnownHostEntry entry) {
        String line = entry.getLine().trim();
        return line.startsWith("@") ? line.split("\\s+", 2)[0] : "";
    }

    private static boolean applies(OpenSSHKnownHosts.KnownHostEntry entry, String entryHost, Path file) {
        try {
            return entry.appliesTo(entryHost);
        } catch (IOException e) {
            LOG.warn("Skipping unreadable known_hosts entry in {}: {}", file, e.getMessage());
            return false;
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
