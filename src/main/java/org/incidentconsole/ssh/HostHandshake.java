package org.incidentconsole.ssh;

import net.schmizz.sshj.SSHClient;

/** Opens one authenticated client to a host, as the connection asks on each (re)connect. */
interface HostHandshake {
    SSHClient open() throws SshException;

    /** What authenticated the last connection, or null before one. */
    String authenticatedWith();

    /** The path of the last attempt, or null before one was worked out. */
    default HostPath path() {
        return null;
    }

    /** The path as it would be worked out now (ssh_config read again; blocking), or null for a direct handshake. */
    default HostPath resolve() throws SshException {
        return path();
    }
}
