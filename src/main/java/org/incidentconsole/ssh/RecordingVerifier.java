package org.incidentconsole.ssh;

import com.hierynomus.sshj.userauth.certificate.Certificate;
import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * The verifier given to sshj for one connection attempt: accepts only keys on record and remembers what it
 * saw, so the connection can ask the operator about an unknown key after the attempt, with no timer running.
 * A host certificate is remembered by its plain key: that is what the operator compares and trusts.
 */
final class RecordingVerifier implements HostKeyVerifier {
    private final HostKeyStore store;
    private final List<String> names;
    private volatile PublicKey presented;
    private volatile HostKeyCheck check;

    RecordingVerifier(HostKeyStore store) {
        this(store, List.of());
    }

    /** @param names what else the host is called (its inventory name), for a host certificate's principals */
    RecordingVerifier(HostKeyStore store, List<String> names) {
        this.store = store;
        this.names = List.copyOf(names);
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        presented = key instanceof Certificate<?> cert ? cert.getKey() : key;
        check = store.check(hostname, port, key, names);
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
