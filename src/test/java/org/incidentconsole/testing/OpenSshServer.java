package org.incidentconsole.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH sshd on a free loopback port with its own config, host key and authorized_keys, all in a
 * temp directory. Missing sshd fails the test with what to install, unless -Dopenssh.optional=true.
 */
public final class OpenSshServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path hostPublicKey;
    private final StringBuilder log = new StringBuilder();

    private OpenSshServer(Process process, int port, Path hostPublicKey) {
        this.process = process;
        this.port = port;
        this.hostPublicKey = hostPublicKey;
    }

    public static Path sshdBinary() {
        Path sshd = Path.of("/usr/sbin/sshd");
        if (!Files.isExecutable(sshd)) {
            String message = "OpenSSH sshd not found at /usr/sbin/sshd: install it with "
                    + "'apt-get install openssh-server' (or run with -Dopenssh.optional=true to skip these tests)";
            Assumptions.assumeFalse(Boolean.getBoolean("openssh.optional"), message);
            throw new IllegalStateException(message);
        }
        return sshd;
    }

    public static OpenSshServer start(Path dir, Path authorizedPublicKey) throws Exception {
        Path sshd = sshdBinary();
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep)) {
            Files.createDirectories(privsep);
        }
        Path hostKey = TestKeys.generate(dir, "ssh_host_ed25519_key");
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(authorizedPublicKey, authorized);
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path config = dir.resolve("sshd_config");
        Files.write(config, List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorized,
                "StrictModes no",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "PermitRootLogin prohibit-password",
                "AllowTcpForwarding yes",
                "MaxSessions 64",
                "MaxStartups 100",
                "LogLevel INFO"));
        Process p = new ProcessBuilder(sshd.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).start();
        OpenSshServer server = new OpenSshServer(p, port, TestKeys.publicKey(hostKey));
        server.awaitListening();
        return server;
    }

    private void awaitListening() throws Exception {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    if (line.contains("Server listening on 127.0.0.1 port " + port)) {
                        listening.complete(null);
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("sshd exited:\n" + log()));
        }, "openssh-sshd-log");
        reader.setDaemon(true);
        reader.start();
        listening.get(30, TimeUnit.SECONDS);
    }

    public int port() {
        return port;
    }

    public Path hostPublicKey() {
        return hostPublicKey;
    }

    /** The host key fingerprint as OpenSSH's own ssh-keygen prints it. */
    public String fingerprintBySshKeygen() throws Exception {
        String out = TestKeys.run(List.of(TestKeys.tool("ssh-keygen", "openssh-client"), "-l", "-E", "sha256", "-f",
                hostPublicKey.toString()));
        return out.split("\\s+")[1];
    }

    public String log() {
        synchronized (log) {
            return log.toString();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
