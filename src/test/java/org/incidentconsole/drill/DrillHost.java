package org.incidentconsole.drill;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.health.CheckResult;
import org.incidentconsole.health.HealthChecks;
import org.incidentconsole.health.HealthPoller;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.InventoryLoader;
import org.incidentconsole.ssh.ExecResult;
import org.incidentconsole.ssh.HostKeyPrompt;
import org.incidentconsole.ssh.HostKeyStore;
import org.incidentconsole.ssh.OutputListener;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.RemoteCommand;
import org.incidentconsole.ssh.SshAuth;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.SshSettings;
import org.incidentconsole.ssh.StreamKind;

/** A real drill reached as the console reaches it: its inventory host over the console's own SSH client. */
final class DrillHost implements AutoCloseable {
    final DrillEnvironment drill;
    final Host host;
    private final ExecutorService io = Executors.newCachedThreadPool();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SshConnections ssh;

    /** What one command printed and how it ended. */
    record Ran(ExecResult result, List<String> out, List<String> err) {
        Integer exit() {
            return result.exitStatus();
        }

        String stdout() {
            return String.join("\n", out);
        }

        String stderr() {
            return String.join("\n", err);
        }
    }

    DrillHost() throws Exception {
        drill = DrillEnvironment.start(true);
        host = new InventoryLoader(drill.root()).load(drill.inventory()).hosts().get(0);
        ssh = new SshConnections(SshSettings.defaults(), new HostKeyStore(null, drill.knownHosts()),
                new SshAuth(null, drill.root(), PassphrasePrompt.NONE), HostKeyPrompt.REFUSE_ALL, io, scheduler);
    }

    /** Runs a command to its end (at most a minute) over the drill's SSH. */
    Ran run(String command) {
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();
        ExecResult r = start(command, (h, stream, line) -> (stream == StreamKind.STDOUT ? out : err).add(line))
                .result().orTimeout(1, TimeUnit.MINUTES).join();
        return new Ran(r, out, err);
    }

    RemoteCommand start(String command, OutputListener listener) {
        return ssh.connection(host).run(command, Duration.ofMinutes(5), listener);
    }

    /** The drill inventory's {@code api-health} check, polled as the health panel polls it. */
    CheckResult apiHealthCheck() throws Exception {
        return healthChecks().stream().filter(r -> r.check().equals("api-health")).findFirst().orElseThrow();
    }

    /** Every health check of the drill's inventory, polled once as the health panel polls them. */
    List<CheckResult> healthChecks() throws Exception {
        try (HealthPoller poller = new HealthPoller(ssh, Map.of(host, HealthChecks.of(host)),
                Clock.systemUTC())) {
            return poller.pollOnce().get(1, TimeUnit.MINUTES);
        }
    }

    Path app() {
        return drill.root().resolve("host/var/www/api-gateway");
    }

    @Override
    public void close() throws Exception {
        ssh.close();
        drill.close();
        io.shutdownNow();
        scheduler.shutdownNow();
    }
}
