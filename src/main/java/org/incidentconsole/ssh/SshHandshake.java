package org.incidentconsole.ssh;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import org.incidentconsole.inventory.Host;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens one authenticated sshj client to a host: TCP, version exchange and key exchange under one deadline;
 * strict host-key check; an unknown key is put to the operator with no deadline running, and only after
 * they trust it is a second handshake made (which must present the same key).
 */
final class SshHandshake {
    private static final Logger LOG = LoggerFactory.getLogger(SshHandshake.class);

    private final Host host;
    private final SshSettings settings;
    private final HostKeyStore keys;
    private final SshAuth auth;
    private final HostKeyPrompt prompt;
    private final ScheduledExecutorService scheduler;

    SshHandshake(Host host, SshSettings settings, HostKeyStore keys, SshAuth auth, HostKeyPrompt prompt,
                 ScheduledExecutorService scheduler) {
        this.host = host;
        this.settings = settings;
        this.keys = keys;
        this.auth = auth;
        this.prompt = prompt;
        this.scheduler = scheduler;
    }

    SSHClient open() throws SshException {
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
        RecordingVerifier verifier = new RecordingVerifier(keys);
        c.addHostKeyVerifier(verifier);
        c.setSocketFactory(new NoDelaySocketFactory());
        c.setConnectTimeout((int) settings.connectTimeout().toMillis());
        c.getTransport().setTimeoutMs((int) settings.requestTimeout().toMillis());
        c.getConnection().getKeepAlive().setKeepAliveInterval((int) settings.keepAliveInterval().toSeconds());
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = scheduler.schedule(() -> {
            timedOut.set(true);
            closeQuietly(c);
        }, settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        IOException failure = null;
        try {
            c.connect(host.address(), host.port());
        } catch (IOException e) {
            failure = e;
        } finally {
            deadline.cancel(false);
        }
        if (failure == null && timedOut.get()) {
            failure = new IOException("deadline passed");
        }
        if (failure == null) {
            return c;
        }
        closeQuietly(c);
        HostKeyCheck check = verifier.check();
        if (check != null && check.verdict() == HostKeyCheck.Verdict.REVOKED) {
            throw new HostKeyRevokedException(describe(), KeyFingerprint.type(verifier.presented()),
                    KeyFingerprint.sha256(verifier.presented()), check.revokedIn());
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
        if (timedOut.get()) {
            throw new SshException("no SSH answer from " + host.address() + ":" + host.port() + " within "
                    + settings.connectTimeout().toSeconds() + " s", failure);
        }
        throw new SshException(FailureReasons.describe(failure, host), failure);
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
            c.auth(host.user(), methods.methods());
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
