package org.incidentconsole.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH sshd on a free loopback port with its own config, host key and authorized_keys, all in a
 * temp directory. Missing sshd fails the test with what to install, unless -Dopenssh.optional=true.
 */
public final class OpenSshServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Map<String, Path> hostPublicKeys;
    private final StringBuilder log = new StringBuilder();
    private volatile boolean frozen;

    private OpenSshServer(Process process, int port, Map<String, Path> hostPublicKeys) {
        this.process = process;
        this.port = port;
        this.hostPublicKeys = hostPublicKeys;
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
        return start(dir, authorizedPublicKey, List.of("ed25519"));
    }

    /** A server with one host key of each given ssh-keygen type ("ed25519", "ecdsa", "rsa") and no other. */
    public static OpenSshServer start(Path dir, Path authorizedPublicKey, List<String> hostKeyTypes)
            throws Exception {
        return start(dir, authorizedPublicKey, hostKeyTypes, "INFO", List.of());
    }

    /** @param logLevel sshd's LogLevel; DEBUG logs each direct-tcpip channel (originator and target) */
    public static OpenSshServer start(Path dir, Path authorizedPublicKey, List<String> hostKeyTypes, String logLevel)
            throws Exception {
        return start(dir, authorizedPublicKey, hostKeyTypes, logLevel, List.of());
    }

    /** As above, with more sshd_config lines (HostCertificate, TrustedUserCAKeys, …) after the usual ones. */
    public static OpenSshServer start(Path dir, Path authorizedPublicKey, List<String> hostKeyTypes,
                                      List<String> moreConfig) throws Exception {
        return start(dir, authorizedPublicKey, hostKeyTypes, "INFO", moreConfig);
    }

    public static OpenSshServer start(Path dir, Path authorizedPublicKey, List<String> hostKeyTypes, String logLevel,
                                      List<String> moreConfig) throws Exception {
        Path sshd = sshdBinary();
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep)) {
            Files.createDirectories(privsep);
        }
        Map<String, Path> hostKeys = new LinkedHashMap<>();
        for (String type : hostKeyTypes) {
            hostKeys.put(type, TestKeys.generate(dir, "ssh_host_" + type + "_key", type, "", "OPENSSH"));
        }
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(authorizedPublicKey, authorized);
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path config = dir.resolve("sshd_config");
        List<String> lines = new ArrayList<>(List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
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
                "LogLevel " + logLevel));
        hostKeys.values().forEach(k -> lines.add("HostKey " + k));
        lines.addAll(moreConfig);
        Files.write(config, lines);
        Process p = new ProcessBuilder(sshd.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).start();
        Map<String, Path> publicKeys = new LinkedHashMap<>();
        hostKeys.forEach((type, k) -> publicKeys.put(type, TestKeys.publicKey(k)));
        OpenSshServer server = new OpenSshServer(p, port, publicKeys);
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
                        log.notifyAll();
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
        return hostPublicKeys.values().iterator().next();
    }

    /** The .pub file of the host key of this ssh-keygen type. */
    public Path hostPublicKey(String type) {
        return hostPublicKeys.get(type);
    }

    /**
     * Stops sshd and every process it started (the per-connection children) with SIGSTOP, as a host that
     * froze: the kernel still accepts and acknowledges TCP, nothing answers. {@link #thaw()} undoes it.
     */
    public void freeze() throws Exception {
        frozen = true;
        signal("-STOP");
    }

    public void thaw() throws Exception {
        signal("-CONT");
        frozen = false;
    }

    /** Signals sshd first (so it starts nothing new), then its descendants until none is left out. */
    private void signal(String signal) throws Exception {
        Set<Long> signalled = new HashSet<>();
        List<Long> round = List.of(process.pid());
        while (!round.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of(TestKeys.tool("kill", "procps"), signal));
            round.forEach(pid -> cmd.add(String.valueOf(pid)));
            // a child that exits meanwhile makes kill fail for that pid only: nothing to stop there
            Process kill = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            kill.waitFor(30, TimeUnit.SECONDS);
            signalled.addAll(round);
            round = process.descendants().map(ProcessHandle::pid).filter(pid -> !signalled.contains(pid)).toList();
        }
    }

    /** The host key fingerprint as OpenSSH's own ssh-keygen prints it. */
    public String fingerprintBySshKeygen() throws Exception {
        String out = TestKeys.run(List.of(TestKeys.tool("ssh-keygen", "openssh-client"), "-l", "-E", "sha256", "-f",
                hostPublicKey().toString()));
        return out.split("\\s+")[1];
    }

    /**
     * The log from {@code from} on, once it matches {@code pattern} (sshd writes a channel's debug lines from
     * its session process, a moment after the client saw the channel open), or as it is after {@code limit}.
     */
    public String awaitLog(int from, Pattern pattern, Duration limit)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        synchronized (log) {
            while (!pattern.matcher(log.substring(from)).find() && System.nanoTime() < end) {
                log.wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            }
            return log.substring(from);
        }
    }

    public String log() {
        synchronized (log) {
            return log.toString();
        }
    }

    @Override
    public void close() throws Exception {
        if (frozen) {
            thaw();
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
