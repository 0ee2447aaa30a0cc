package org.incidentconsole.ssh;

import net.schmizz.sshj.SSHClient;
import org.incidentconsole.inventory.Host;

/**
 * Opens a host along its path, worked out again on each attempt (on an I/O thread: ssh -G runs here, never on
 * the caller's): bastions first (shared, each asking about its own unknown key with no deadline running), then
 * the host through them or through its proxy command.
 */
final class RoutedHandshake implements HostHandshake {
    private final Host host;
    private final HostPaths paths;
    private final HopHandshakes handshakes;
    private final JumpTransports jumps;
    private volatile HostPath path;
    private volatile SshHandshake last;

    RoutedHandshake(Host host, HostPaths paths, HopHandshakes handshakes, JumpTransports jumps) {
        this.host = host;
        this.paths = paths;
        this.handshakes = handshakes;
        this.jumps = jumps;
    }

    @Override
    public SSHClient open() throws SshException {
        HostPath p = paths.resolve(host);
        path = p;
        Route route = Route.DIRECT;
        if (!p.jumps().isEmpty()) {
            jumps.transport(p.jumps(), p.proxyCommand());
            route = jumps.via(p.jumps(), p.proxyCommand());
        } else if (p.proxyCommand() != null) {
            route = new ProxyCommandRoute(p.proxyCommand(), p.target().user(), host.name());
        }
        SshHandshake h = handshakes.target(host, p.target(), route);
        last = h;
        return h.open();
    }

    @Override
    public String authenticatedWith() {
        SshHandshake h = last;
        return h == null ? null : h.authenticatedWith();
    }

    @Override
    public HostPath resolve() throws SshException {
        return paths.resolve(host);
    }

    @Override
    public HostPath path() {
        return path;
    }
}
