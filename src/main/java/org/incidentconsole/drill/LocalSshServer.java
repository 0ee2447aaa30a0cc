package org.incidentconsole.drill;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.forward.StaticDecisionForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;

/**
 * An Apache MINA SSHD server on 127.0.0.1 (the drill's host, and the tests' hosts): its own host key, public-key
 * authentication only, port forwards to loopback addresses only, and Nagle off as sshd has for forwards.
 */
public final class LocalSshServer implements AutoCloseable {
    private final SshServer server;
    private final PublicKey hostKey;

    public LocalSshServer(KeyPair hostKey, Predicate<PublicKey> authorized, CommandFactory commands)
            throws IOException {
        this.hostKey = hostKey.getPublic();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> authorized.test(key));
        server.setForwardingFilter(new StaticDecisionForwardingFilter(true) {
            @Override
            public boolean canConnect(TcpForwardingFilter.Type type, SshdSocketAddress address, Session session) {
                return SshdSocketAddress.isLoopback(address.getHostName());
            }

            @Override
            public boolean canListen(SshdSocketAddress address, Session session) {
                return false;
            }
        });
        server.setCommandFactory(commands);
        // small Redis requests through a forward must not wait for delayed ACKs (measured: ~40 ms each)
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        server.start();
    }

    public int port() {
        return server.getPort();
    }

    public PublicKey hostKey() {
        return hostKey;
    }

    /** Cuts every client connection at once, as a network failure would. */
    public void dropAllSessions() {
        server.getActiveSessions().forEach(s -> s.close(true));
    }

    public int activeSessions() {
        return (int) server.getActiveSessions().stream().filter(Session::isOpen).count();
    }

    /** Closes sessions gracefully first: an immediate stop leaves MINA's I/O callbacks on a stopped executor. */
    @Override
    public void close() throws IOException {
        for (Session s : server.getActiveSessions()) {
            s.close(false).await(2, TimeUnit.SECONDS);
        }
        server.stop(false);
    }
}
