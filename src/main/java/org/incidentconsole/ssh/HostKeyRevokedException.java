package org.incidentconsole.ssh;

import java.nio.file.Path;

/**
 * The host presented a key marked {@code @revoked} in a known_hosts file: refused whatever else trusts it
 * (as OpenSSH's "REVOKED HOST KEY DETECTED"). Never an invitation to edit known_hosts.
 */
public class HostKeyRevokedException extends SshException {
    private final String fingerprint;

    public HostKeyRevokedException(String host, String keyType, String fingerprint, Path revokedIn) {
        super("the host key of " + host + " is REVOKED (" + keyType + " " + fingerprint + "): refusing to connect;"
                + " it is marked @revoked in " + revokedIn + ", so whoever presents it may be impersonating the"
                + " host. Tell the host's owner; do not connect until they name a new key.", null, true);
        this.fingerprint = fingerprint;
    }

    public String fingerprint() {
        return fingerprint;
    }
}
