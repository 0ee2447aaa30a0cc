package org.incidentconsole.ssh;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.UserAuthException;
import org.incidentconsole.inventory.Host;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens one authenticated sshj client to a host: TCP, version exchange and key exchange under one deadline;
 * strict host-key check; an unknown key is put to the operator with no deadline running, and only after
 * they trust it is a second handshake made (which must present the same key).
 */
final class SshHandshake implements HostHandshake {
    private static final Logger LOG = LoggerFactory.getLogger(SshHandshake.class);

    private final Host host;
    private final SshSettings settings;
    private final HostKeyStore keys;
    private final SshAuth auth;
    private final HostKeyPrompt prompt;
    private final ScheduledExecutorService scheduler;
    private final Route route;

    SshHandshake(Host host, SshSettings settings, HostKeyStore keys, SshAuth auth, HostKeyPrompt prompt,
                 ScheduledExecutorService scheduler) {
        this(host, settings, keys, auth, prompt, scheduler, Route.DIRECT);
    }

    /** @param route how the transport reaches {@code host}: dialled, through a bastion or a proxy command */
    SshHandshake(Host host, SshSettings settings, HostKeyStore keys, SshAuth auth, HostKeyPrompt prompt,
                 ScheduledExecutorService scheduler, Route route) {
        this.route = route;
        this.host = host;
        this.settings = settings;
        this.keys = keys;
        this.auth = auth;
        this.prompt = prompt;
        this.scheduler = scheduler;
    }

    private volatile String authenticatedWith;

    @Override
    public SSHClient open() throws SshException {
        SshCrypto.preferJdkProviders();
        SSHClient c = transport(false);
        authenticate(c);
        return c;
    }

    private SSHClient transport(boolean justTrusted) throws SshException {
        DefaultConfig config = new DefaultConfig();
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        SshAlgorithms.apply(config);
        SSHClient c = new SSHClient(config);
        RecordingVerifier verifier = new RecordingVerifier(keys, List.of(host.name()));
        c.addHostKeyVerifier(verifier);
        c.setSocketFactory(new LowLatencySocketFactory());
        int connectMs = (int) settings.connectTimeout().toMillis();
        c.setConnectTimeout(connectMs);
        // sshj waits for the key exchange with the transport's timeout (30 s unless set) and closing the client
        // does not end that wait: a host that sent its banner and then stalled failed after 30.5 s, not 10 s
        c.getTransport().setTimeoutMs(connectMs);
        c.getConnection().setTimeoutMs((int) settings.requestTimeout().toMillis());
        KeepAliveRunner keepAlive = (KeepAliveRunner) c.getConnection().getKeepAlive();
        keepAlive.setKeepAliveInterval((int) settings.keepAliveInterval().toSeconds());
        keepAlive.setMaxAliveCount(settings.keepAliveCountMax());
        AtomicBoolean timedOut = new AtomicBoolean();
        long started = System.nanoTime();
        ScheduledFuture<?> deadline = scheduler.schedule(() -> {
            timedOut.set(true);
            expire(c);
        }, connectMs, TimeUnit.MILLISECONDS);
        IOException failure = null;
        try {
            route.connect(c, host.address(), host.port());
        } catch (IOException e) {
            failure = e;
        } finally {
            deadline.cancel(false);
        }
        if (failure == null && timedOut.get()) {
            failure = new IOException("deadline passed");
        }
        if (failure == null) {
            c.getTransport().setTimeoutMs((int) settings.requestTimeout().toMillis());
            return c;
        }
        closeQuietly(c);
        HostKeyCheck check = verifier.check();
        if (check != null && check.verdict() == HostKeyCheck.Verdict.REVOKED) {
            throw new HostKeyRevokedException(describe(), KeyFingerprint.type(verifier.presented()),
                    KeyFingerprint.sha256(verifier.presented()), check.revokedIn());
        }
        if (check != null && check.verdict() == HostKeyCheck.Verdict.CERTIFICATE_REFUSED) {
            throw new SshException("the host certificate of " + describe() + " is refused: " + check.problem()
                    + "; not connected", failure, true);
        }
        if (check != null && check.verdict() == HostKeyCheck.Verdict.CHANGED) {
            throw new HostKeyMismatchException(describe(), check.knownFingerprints(),
                    KeyFingerprint.sha256(verifier.presented()), keys.files());
        }
        if (check != null && check.verdict() == HostKeyCheck.Verdict.UNKNOWN) {
            if (justTrusted) {
                throw new SshException("the host key of " + describe() + " is still unknown after it was trusted",
                        failure, true);
            }
            askOperator(verifier);
            return transport(true);
        }
        if (timedOut.get() || System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(connectMs)) {
            throw timeout(serverVersion(c), failure);
        }
        throw new SshException(FailureReasons.describe(failure, host), failure);
    }

    private SshException timeout(String serverVersion, IOException failure) {
        String limit = DurationText.of(settings.connectTimeout());
        if (serverVersion == null) {
            return new SshException("no SSH answer from " + host.address() + ":" + host.port() + " within " + limit,
                    failure);
        }
        return new SshException(describe() + " sent its SSH banner (" + serverVersion + ") but did not finish the"
                + " key exchange within " + limit, failure);
    }

    /** The server's banner, or null before one arrived (sshj throws on a banner still being read). */
    private static String serverVersion(SSHClient c) {
        try {
            String version = c.getTransport().getServerVersion();
            return version == null || version.isBlank() ? null : version;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Ends a connect attempt at its deadline. Closing the socket ends a TCP connect or a banner read; a key
     * exchange under way waits on an event that only the transport's death wakes, so that comes first.
     */
    private static void expire(SSHClient c) {
        try {
            if (c.getTransport().isRunning()) {
                c.getTransport().die(new TransportException("connect deadline passed"));
            }
        } catch (RuntimeException e) {
            LOG.debug("ending the key exchange failed", e);
        }
        closeQuietly(c);
    }

    private void askOperator(RecordingVerifier verifier) throws SshException {
        var key = verifier.presented();
        UnknownHostKey unknown = new UnknownHostKey(host.name(), host.address(), host.port(),
                KeyFingerprint.type(key), KeyFingerprint.sha256(key));
        LOG.info("{}: unknown host key {} {}; asking the operator", host.name(), unknown.keyType(),
                unknown.fingerprint());
        if (!prompt.trust(unknown)) {
            throw new SshException("host key " + unknown.fingerprint() + " of " + describe()
                    + " was not trusted; not connected", null, true);
        }
        try {
            keys.trust(host.address(), host.port(), key);
        } catch (IOException e) {
            throw new SshException("could not save the trusted host key to " + keys.appKnownHosts() + ": "
                    + e.getMessage(), e, true);
        }
    }

    private void authenticate(SSHClient c) throws SshException {
        List<String> tried = List.of();
        try (SshAuth.Methods methods = auth.methodsFor(c, host)) {
            tried = methods.tried();
            if (methods.methods().isEmpty()) {
                throw new SshException("no SSH key to offer as '" + host.user() + "' on " + describe()
                        + " (" + (tried.isEmpty() ? "no agent, no identity file" : String.join("; ", tried))
                        + ")", null, true);
            }
            authenticatedWith = firstAccepted(c, methods.methods());
        } catch (UserAuthException e) {
            closeQuietly(c);
            throw new SshException("authentication refused for '" + host.user() + "' on " + describe()
                    + " (tried: " + String.join("; ", tried) + ")", e, true);
        } catch (SshException e) {
            closeQuietly(c);
            throw e;
        } catch (IOException e) {
            closeQuietly(c);
            throw new SshException(FailureReasons.describe(e, host), e);
        }
    }

    /**
     * Offers the methods one by one, as sshj would in one call, so the accepted one is known: the key that opened
     * the host is part of the incident's record.
     */
    private String firstAccepted(SSHClient c, List<AuthMethod> methods) throws IOException {
        UserAuthException last = null;
        for (AuthMethod method : methods) {
            try {
                c.auth(host.user(), method);
                return method instanceof DescribedKey key ? key.describeKey() : method.getName();
            } catch (UserAuthException e) {
                last = e;
            }
        }
        throw last != null ? last : new UserAuthException("no authentication method was accepted");
    }

    /** What authenticated the last connection ("key ssh-ed25519 SHA256:… (file)"), or null before one. */
    @Override
    public String authenticatedWith() {
        return authenticatedWith;
    }

    private String describe() {
        return host.name() + " (" + host.address() + ":" + host.port() + ")";
    }

    static void closeQuietly(SSHClient c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("close failed", e);
        }
    }
}
