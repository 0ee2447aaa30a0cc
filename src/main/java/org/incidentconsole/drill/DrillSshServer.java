package org.incidentconsole.drill;

import java.io.File;
import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.StaticDecisionForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;

/**
 * The drill host's SSH server (Apache MINA SSHD) on 127.0.0.1: its own host key, only the drill's client key,
 * real /bin/sh commands in the sandbox, port forwards to loopback addresses only.
 */
final class DrillSshServer implements AutoCloseable {
    private final SshServer server;

    DrillSshServer(KeyPair hostKey, PublicKey clientKey, Map<String, String> env, File workDir) throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(clientKey, key));
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
        server.setCommandFactory((channel, command) -> new ShellCommand(command, env, workDir));
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        server.start();
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
