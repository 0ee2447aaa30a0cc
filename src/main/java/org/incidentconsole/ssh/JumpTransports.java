package org.incidentconsole.ssh;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated transport per bastion (per chain of hops leading to it), shared by every host behind it.
 * A hop is reached with {@code newDirectConnection} + {@code connectVia} over the previous hop's transport, has
 * its own strict host-key check and its own authentication; a failure names the hop. A dead transport is opened
 * again on next use; all of them close with the pool.
 */
final class JumpTransports implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(JumpTransports.class);

    private final HopHandshakes handshakes;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, SSHClient> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    JumpTransports(HopHandshakes handshakes) {
        this.handshakes = handshakes;
    }

    /**
     * The transport to the last hop of {@code chain}, opened through the earlier hops if it is not up.
     * {@code proxyCommand}, when not null, carries the first hop's connection.
     */
    SSHClient transport(List<Hop> chain, String proxyCommand) throws SshException {
        String key = key(chain, proxyCommand);
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            SSHClient c = clients.get(key);
            if (c != null && c.isConnected() && c.isAuthenticated()) {
                return c;
            }
            if (c != null) {
                clients.remove(key);
                SshHandshake.closeQuietly(c);
            }
            if (closed) {
                throw new SshException("the SSH connections are closed", null, true);
            }
            int n = chain.size();
            Hop hop = chain.get(n - 1);
            Route route;
            if (n > 1) {
                transport(chain.subList(0, n - 1), proxyCommand);
                route = via(chain.subList(0, n - 1), proxyCommand);
            } else {
                route = proxyCommand == null ? Route.DIRECT : new ProxyCommandRoute(proxyCommand, hop.user(),
                        hop.name());
            }
            try {
                c = handshakes.bastion(hop, route).open();
            } catch (SshException e) {
                throw new SshException("jump host " + hop.name() + " (hop " + n + ") failed: " + e.getMessage(), e,
                        e.permanent());
            }
            LOG.info("jump host {} ({}) connected (hop {})", hop.name(), hop.endpoint(), n);
            clients.put(key, c);
            return c;
        }
    }

    /** A route through the last hop of {@code chain}: a direct-tcpip channel to the next address. */
    Route via(List<Hop> chain, String proxyCommand) {
        Hop last = chain.get(chain.size() - 1);
        return (client, address, port) -> {
            SSHClient bastion;
            try {
                bastion = transport(chain, proxyCommand);
            } catch (SshException e) {
                throw new IOException(e.getMessage(), e);
            }
            DirectConnection channel;
            try {
                channel = bastion.newDirectConnection(address, port);
            } catch (IOException e) {
                throw new IOException("jump host " + last.name() + " (hop " + chain.size() + ") could not open a "
                        + "channel to " + address + ":" + port + ": " + e.getMessage(), e);
            }
            client.connectVia(channel);
        };
    }

    private static String key(List<Hop> chain, String proxyCommand) {
        return (proxyCommand == null ? "" : proxyCommand + " | ")
                + chain.stream().map(Hop::endpoint).collect(Collectors.joining(" > "));
    }

    @Override
    public void close() {
        closed = true;
        clients.values().forEach(SshHandshake::closeQuietly);
        clients.clear();
    }
}
