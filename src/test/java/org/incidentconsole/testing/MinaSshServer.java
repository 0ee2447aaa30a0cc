package org.incidentconsole.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.SshServer;
import org.incidentconsole.drill.ShellCommand;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;

/** An in-process Apache MINA SSHD on 127.0.0.1: key auth only, real /bin/sh commands, port forwarding. */
public final class MinaSshServer implements AutoCloseable {
    private final SshServer server;
    private final KeyPair hostKey;
    private final CountDownLatch silentDestroyed = new CountDownLatch(1);

    private MinaSshServer(List<PublicKey> authorized, boolean hangs, java.util.Map<String, String> env)
            throws IOException, GeneralSecurityException {
        hostKey = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) ->
                authorized.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        // as sshd does for forwarded connections: small Redis requests must not wait for delayed ACKs
        org.apache.sshd.core.CoreModuleProperties.TCP_NODELAY.set(server, true);
        server.setCommandFactory((channel, command) -> hangs ? new SilentCommand(silentDestroyed)
                : new ShellCommand(command, env));
        server.start();
    }

    /** A server accepting the given public key files (OpenSSH .pub format). */
    public static MinaSshServer start(Path... authorizedPublicKeys) throws IOException, GeneralSecurityException {
        return new MinaSshServer(read(authorizedPublicKeys), false, java.util.Map.of());
    }

    /** A server whose commands see these environment variables (to make hosts differ). */
    public static MinaSshServer withEnv(java.util.Map<String, String> env, Path... authorizedPublicKeys)
            throws IOException, GeneralSecurityException {
        return new MinaSshServer(read(authorizedPublicKeys), false, env);
    }

    /** A server whose commands never answer. */
    public static MinaSshServer hanging(Path... authorizedPublicKeys) throws IOException, GeneralSecurityException {
        return new MinaSshServer(read(authorizedPublicKeys), true, java.util.Map.of());
    }

    private static List<PublicKey> read(Path... files) throws IOException, GeneralSecurityException {
        List<PublicKey> keys = new ArrayList<>();
        for (Path f : files) {
            for (AuthorizedKeyEntry e : AuthorizedKeyEntry.readAuthorizedKeys(f)) {
                keys.add(e.resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
            }
        }
        return keys;
    }

    public int port() {
        return server.getPort();
    }

    public PublicKey hostKey() {
        return hostKey.getPublic();
    }

    /** Counted down when a hung command is torn down by the client closing its channel. */
    public CountDownLatch silentCommandDestroyed() {
        return silentDestroyed;
    }

    /** Cuts every client connection at once, as a network failure would. */
    public void dropAllSessions() {
        server.getActiveSessions().forEach(s -> s.close(true));
    }

    public int activeSessions() {
        return (int) server.getActiveSessions().stream().filter(Session::isOpen).count();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
