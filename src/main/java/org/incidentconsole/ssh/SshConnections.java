package org.incidentconsole.ssh;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.incidentconsole.inventory.Host;

/** One connection per host, created on first use; commands fan out to many hosts in parallel. */
public final class SshConnections implements Closeable {
    private final SshSettings settings;
    private final HostKeyStore keys;
    private final SshAuth auth;
    private final HostKeyPrompt prompt;
    private final ExecutorService io;
    private final ScheduledExecutorService scheduler;
    private final Map<String, SshConnection> byHost = new ConcurrentHashMap<>();
    private final HostPaths paths;
    private final HopHandshakes handshakes;
    private final JumpTransports jumps;

    public SshConnections(SshSettings settings, HostKeyStore keys, SshAuth auth, HostKeyPrompt prompt,
                          ExecutorService io, ScheduledExecutorService scheduler) {
        this(settings, keys, auth, prompt, io, scheduler, HostPaths.withoutSshConfig());
    }

    /** @param paths how a host's path is worked out (ssh_config, jump hops, proxy command) */
    public SshConnections(SshSettings settings, HostKeyStore keys, SshAuth auth, HostKeyPrompt prompt,
                          ExecutorService io, ScheduledExecutorService scheduler, HostPaths paths) {
        this.paths = paths;
        this.handshakes = new HopHandshakes(settings, keys, auth, prompt, scheduler);
        this.jumps = new JumpTransports(handshakes);
        this.settings = settings;
        this.keys = keys;
        this.auth = auth;
        this.prompt = prompt;
        this.io = io;
        this.scheduler = scheduler;
    }

    public SshConnection connection(Host host) {
        return byHost.computeIfAbsent(host.name(),
                name -> new SshConnection(host, settings, new RoutedHandshake(host, paths, handshakes, jumps), io,
                        scheduler));
    }

    /**
     * After the inventory was read again: the connections of hosts that are gone or whose settings changed are
     * closed and forgotten (the next {@link #connection} opens one with the new settings). Returns the names of
     * the changed hosts that were connected, to connect again.
     */
    public List<String> keepOnly(List<Host> hosts) {
        Map<String, Host> wanted = new LinkedHashMap<>();
        hosts.forEach(h -> wanted.put(h.name(), h));
        List<String> reconnect = new ArrayList<>();
        for (SshConnection c : List.copyOf(byHost.values())) {
            Host now = wanted.get(c.host().name());
            if (now == null || !now.equals(c.host())) {
                if (now != null && c.isConnected()) {
                    reconnect.add(now.name());
                }
                byHost.remove(c.host().name(), c);
                c.close();
            }
        }
        return reconnect;
    }

    public Collection<SshConnection> all() {
        return byHost.values();
    }

    /**
     * Starts the command on every host at once. Each host's result completes on its own: a slow or dead host
     * delays nobody else. Keys are host names, in the order given.
     */
    public Map<String, RemoteCommand> runOnAll(List<Host> hosts, String command, Duration timeout,
                                               OutputListener listener) {
        Map<String, RemoteCommand> running = new LinkedHashMap<>();
        for (Host host : hosts) {
            running.put(host.name(), connection(host).run(command, timeout, listener));
        }
        return running;
    }

    @Override
    public void close() {
        byHost.values().forEach(SshConnection::close);
        byHost.clear();
        jumps.close();
    }
}
