package org.incidentconsole.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One SSH server on the way to a host, or the host itself, with everything needed to reach and log in to it.
 * {@code name} is how the operator wrote it (alias or inventory name); {@code address} is the resolved HostName.
 * {@code identityAgent}, {@code knownHosts}, {@code connectTimeout} and {@code keepAlive} are null when ssh_config
 * does not set them (the console's own then apply). {@code certificateFiles} (CertificateFile) are offered with the keys they certify.
 */
public record Hop(String name, String address, int port, String user, List<Path> identityFiles, boolean agent,
                  Path identityAgent, boolean identitiesOnly, List<Path> certificateFiles, Path knownHosts,
                  Duration connectTimeout, Duration keepAlive) {
    public Hop {
        identityFiles = List.copyOf(identityFiles);
        certificateFiles = List.copyOf(certificateFiles);
    }

    /** user@address:port, the identity a shared bastion transport is keyed by. */
    public String endpoint() {
        return user + "@" + (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
