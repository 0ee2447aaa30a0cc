package org.incidentconsole.ssh;

import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * The verifier given to sshj for one connection attempt: accepts only keys on record and remembers what it
 * saw, so the connection can ask the operator about an unknown key after the attempt, with no timer running.
 */
final class RecordingVerifier implements HostKeyVerifier {
    private final HostKeyStore store;
    private volatile PublicKey presented;
    private volatile HostKeyCheck check;

    RecordingVerifier(HostKeyStore store) {
        this.store = store;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        presented = key;
        check = store.check(hostname, port, key);
        return check.verdict() == HostKeyCheck.Verdict.MATCHED;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return store.knownAlgorithms(hostname, port);
    }

    PublicKey presented() {
        return presented;
    }

    HostKeyCheck check() {
        return check;
    }
}
