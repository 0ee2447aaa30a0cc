package org.incidentconsole.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.incidentconsole.drill.LocalSshServer;
import org.incidentconsole.drill.ShellCommand;

/** A test host: the drill's in-process SSH server with given authorized keys, real /bin/sh commands or none. */
public final class MinaSshServer implements AutoCloseable {
    private final LocalSshServer server;
    private final CountDownLatch silentDestroyed = new CountDownLatch(1);

    private MinaSshServer(List<PublicKey> authorized, boolean hangs, Map<String, String> env)
            throws IOException, GeneralSecurityException {
        server = new LocalSshServer(KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256),
                key -> authorized.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)),
                (channel, command) -> hangs ? new SilentCommand(silentDestroyed) : new ShellCommand(command, env));
    }

    /** A server accepting the given public key files (OpenSSH .pub format). */
    public static MinaSshServer start(Path... authorizedPublicKeys) throws IOException, GeneralSecurityException {
        return new MinaSshServer(read(authorizedPublicKeys), false, Map.of());
    }

    /** A server whose commands see these environment variables (to make hosts differ). */
    public static MinaSshServer withEnv(Map<String, String> env, Path... authorizedPublicKeys)
            throws IOException, GeneralSecurityException {
        return new MinaSshServer(read(authorizedPublicKeys), false, env);
    }

    /** A server whose commands never answer. */
    public static MinaSshServer hanging(Path... authorizedPublicKeys) throws IOException, GeneralSecurityException {
        return new MinaSshServer(read(authorizedPublicKeys), true, Map.of());
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
        return server.port();
    }

    public PublicKey hostKey() {
        return server.hostKey();
    }

    /** Counted down when a hung command is torn down by the client closing its channel. */
    public CountDownLatch silentCommandDestroyed() {
        return silentDestroyed;
    }

    public void dropAllSessions() {
        server.dropAllSessions();
    }

    public int activeSessions() {
        return server.activeSessions();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
