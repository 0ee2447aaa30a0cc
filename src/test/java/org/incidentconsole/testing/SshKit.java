package org.incidentconsole.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.ssh.HostKeyPrompt;
import org.incidentconsole.ssh.HostKeyStore;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SshAuth;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.SshSettings;
import org.incidentconsole.ssh.UnknownHostKey;

/** Wiring of the SSH layer for tests: executors, a temp known_hosts, a host-key prompt that records. */
public final class SshKit implements AutoCloseable {
    public static final SshSettings FAST = SshSettings.defaults().withConnectTimeout(Duration.ofSeconds(5))
            .withReconnectDelays(Duration.ofMillis(100), Duration.ofSeconds(1));

    public final ExecutorService io = Executors.newCachedThreadPool(daemon("test-ssh-io"));
    public final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("test-ssh-timer"));
    public final Path dir;
    public final Path appKnownHosts;
    public final List<UnknownHostKey> asked = new CopyOnWriteArrayList<>();
    public volatile boolean trustUnknown = true;
    private final List<SshConnections> created = new CopyOnWriteArrayList<>();

    public SshKit(Path dir) {
        this.dir = dir;
        this.appKnownHosts = dir.resolve("app_known_hosts");
    }

    public HostKeyPrompt prompt() {
        return key -> {
            asked.add(key);
            return trustUnknown;
        };
    }

    public HostKeyStore keys(Path userKnownHosts) {
        return new HostKeyStore(userKnownHosts, appKnownHosts);
    }

    public SshConnections connections() {
        return connections(FAST, keys(null), null, PassphrasePrompt.NONE);
    }

    public SshConnections connections(SshSettings settings, HostKeyStore keys, Path agentSocket,
                                      PassphrasePrompt passphrases) {
        SshConnections c = new SshConnections(settings, keys,
                new SshAuth(agentSocket, dir.resolve("no-ssh-dir"), passphrases), prompt(), io, scheduler);
        created.add(c);
        return c;
    }

    public void trust(MinaSshServer server) throws IOException {
        keys(null).trust("127.0.0.1", server.port(), server.hostKey());
    }

    public static Host host(String name, int port, Path identity) {
        return new Host(name, "127.0.0.1", port, System.getProperty("user.name"),
                identity == null ? List.of() : List.of(identity), false, List.of(), null, null, null,
                BreakerSettings.defaults(), List.of(), Map.of());
    }

    public static Host agentHost(String name, int port) {
        return new Host(name, "127.0.0.1", port, System.getProperty("user.name"), List.of(), true, List.of(),
                null, null, null, BreakerSettings.defaults(), List.of(), Map.of());
    }

    @Override
    public void close() {
        created.forEach(SshConnections::close);
        io.shutdownNow();
        scheduler.shutdownNow();
    }

    public static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
