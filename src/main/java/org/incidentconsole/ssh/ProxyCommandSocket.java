package org.incidentconsole.ssh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A socket whose far end is a proxy command's stdin/stdout (Teleport {@code tsh proxy ssh}, AWS SSM,
 * {@code cloudflared access ssh}, {@code ssh -W}): sshj 0.40 reads and writes only sockets, so a loopback pair
 * is made (the accepted end is checked to be this socket) and bridged to the process by two threads. Closing
 * the socket kills the process and its children; the process ending closes the socket.
 */
final class ProxyCommandSocket extends Socket {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyCommandSocket.class);
    private static final int BUFFER = 32 * 1024;

    private final Process process;
    private final Socket peer;
    private final Thread errors;
    private final int remotePort;
    private final AtomicReference<String> lastError = new AtomicReference<>();

    private ProxyCommandSocket(Process process, String label, int remotePort) throws IOException {
        this.process = process;
        this.remotePort = remotePort;
        setTcpNoDelay(true);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            connect(listener.getLocalSocketAddress(), 5000);
            Socket accepted = listener.accept();
            if (accepted.getPort() != getLocalPort()) {
                accepted.close();
                throw new IOException("another local process connected to the proxy command's loopback bridge");
            }
            peer = accepted;
        }
        peer.setTcpNoDelay(true);
        pump(process.getInputStream(), peer.getOutputStream(), label + "-out", true);
        pump(peer.getInputStream(), process.getOutputStream(), label + "-in", false);
        errors = new Thread(() -> readErrors(process.getErrorStream(), label), label + "-err");
        errors.setDaemon(true);
        errors.start();
    }

    /** Starts {@code command} (already expanded) with {@code /bin/sh -c exec …}, as ssh does with $SHELL. */
    static ProxyCommandSocket start(String command, String label, int remotePort) throws IOException {
        Process p = new ProcessBuilder("/bin/sh", "-c", "exec " + command).start();
        LOG.info("{}: proxy command started (pid {})", label, p.pid());
        try {
            return new ProxyCommandSocket(p, label, remotePort);
        } catch (IOException | RuntimeException e) {
            kill(p);
            throw e;
        }
    }

    /** %h, %p, %r and %% of ssh_config's ProxyCommand; values with shell characters are refused, not quoted. */
    static String expand(String command, String address, int port, String user) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c != '%' || i + 1 == command.length()) {
                out.append(c);
                continue;
            }
            char token = command.charAt(++i);
            switch (token) {
                case 'h' -> out.append(safe(address, "host"));
                case 'p' -> out.append(port);
                case 'r' -> out.append(safe(user, "user"));
                case 'n' -> out.append(safe(address, "host"));
                case '%' -> out.append('%');
                default -> throw new IOException("proxy command '" + command + "': unknown token %" + token
                        + " (known: %h %p %r %n %%)");
            }
        }
        return out.toString();
    }

    private static String safe(String value, String what) throws IOException {
        if (!value.matches("[A-Za-z0-9._:@\\[\\]%-]+")) {
            throw new IOException("the " + what + " '" + value + "' has characters that are unsafe in a proxy command");
        }
        return value;
    }

    /** The port of the SSH server at the far end: sshj checks the host key against it, not the bridge's. */
    @Override
    public int getPort() {
        return remotePort;
    }

    /** The last line the command wrote to stderr, for the error when it ends early; null if none. */
    String lastError() {
        return lastError.get();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Gives a failing command a moment to exit and say why on stderr. */
    void awaitExit() {
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                errors.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long pid() {
        return process.pid();
    }

    private void pump(InputStream from, OutputStream to, String name, boolean closeSocketAtEnd) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[BUFFER];
            try (from; to) {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                LOG.debug("{}: bridge ended: {}", name, e.getMessage());
            }
            if (closeSocketAtEnd) {
                closeQuietly();
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private void readErrors(InputStream err, String label) {
        try (var reader = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    lastError.set(line.strip());
                    LOG.debug("{}: proxy command says: {}", label, line.strip());
                }
            }
        } catch (IOException e) {
            LOG.debug("{}: proxy command stderr ended: {}", label, e.getMessage());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            super.close();
        } finally {
            peer.close();
            kill(process);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            LOG.debug("closing the proxy command bridge", e);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
