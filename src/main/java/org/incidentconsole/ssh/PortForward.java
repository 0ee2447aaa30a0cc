package org.incidentconsole.ssh;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local port on 127.0.0.1 forwarded through the host's SSH connection to an address as the host sees it.
 * Each accepted socket opens a direct-tcpip channel on the connection current at that moment, so the
 * forward keeps its local port across reconnects. Nagle is off on accepted sockets (small Redis replies
 * would otherwise wait ~40 ms each).
 */
public final class PortForward implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(PortForward.class);
    private static final int BUFFER = 32 * 1024;

    private final String hostName;
    private final String remoteHost;
    private final int remotePort;
    private final Supplier<SSHClient> client;
    private final ExecutorService io;
    private final ServerSocket server;
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    PortForward(String hostName, String remoteHost, int remotePort, Supplier<SSHClient> client,
                ExecutorService io) throws IOException {
        this.hostName = hostName;
        this.remoteHost = remoteHost;
        this.remotePort = remotePort;
        this.client = client;
        this.io = io;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        io.execute(this::acceptLoop);
    }

    public int localPort() {
        return server.getLocalPort();
    }

    /** False once closed (by itself or with its connection). */
    public boolean isOpen() {
        return !closed && !server.isClosed();
    }

    public String target() {
        return remoteHost + ":" + remotePort;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                io.execute(() -> bridge(socket));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("{}: forward to {} stopped accepting: {}", hostName, target(), e.getMessage());
                }
                return;
            }
        }
    }

    private void bridge(Socket socket) {
        open.add(socket);
        SSHClient c = client.get();
        if (c == null || !c.isConnected()) {
            LOG.warn("{}: forward to {} refused a connection: not connected", hostName, target());
            closeQuietly(socket);
            return;
        }
        DirectConnection channel;
        try {
            channel = c.newDirectConnection(remoteHost, remotePort);
        } catch (IOException e) {
            LOG.warn("{}: could not open a channel to {}: {}", hostName, target(), e.getMessage());
            closeQuietly(socket);
            return;
        }
        open.add(channel);
        try {
            InputStream fromLocal = socket.getInputStream();
            OutputStream toLocal = socket.getOutputStream();
            io.execute(() -> copy(channel.getInputStream(), toLocal, socket, channel));
            copy(fromLocal, channel.getOutputStream(), socket, channel);
        } catch (IOException e) {
            closeBoth(socket, channel);
        }
    }

    private void copy(InputStream in, OutputStream out, Socket socket, DirectConnection channel) {
        byte[] buf = new byte[BUFFER];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("{}: forward stream ended: {}", hostName, e.getMessage());
        } finally {
            closeBoth(socket, channel);
        }
    }

    private void closeBoth(Socket socket, DirectConnection channel) {
        open.remove(socket);
        open.remove(channel);
        closeQuietly(socket);
        closeQuietly(channel);
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        open.forEach(PortForward::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("close failed", e);
        }
    }
}
