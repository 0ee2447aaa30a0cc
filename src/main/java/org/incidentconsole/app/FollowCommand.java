package org.incidentconsole.app;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.incidentconsole.app.CoordinationConnector.Connected;
import org.incidentconsole.coordination.CoordinationUnavailableException;
import org.incidentconsole.coordination.SharedEvent;
import org.incidentconsole.coordination.TimelineFollower;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.InventoryException;
import org.incidentconsole.report.TimelineWording;
import org.incidentconsole.ssh.SshConnections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code incident-console follow INCIDENT-ID}: a shared incident's timeline in a terminal, every console's events
 * in the order the coordination Redis holds them, from the first, live until the incident is resolved (or Ctrl+C):
 * for a teammate without the window, or a chat bot. Reads only. With {@code via: HOST} the coordination Redis is
 * reached through that host's SSH tunnel, with the window's known_hosts, keys and ssh_config (an unknown host key
 * is refused, never asked).
 */
@Command(name = "follow", mixinStandardHelpOptions = true,
        description = "Print a shared incident's timeline from every console as it happens, until it is resolved "
                + "(Ctrl+C stops sooner). Exits 0 at Resolve; 2 for a bad inventory, no coordination: block, an unset "
                + "password or, with via: HOST, no SSH connection to that host.")
final class FollowCommand implements Callable<Integer> {
    private final AppHome home;
    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INCIDENT-ID", description = "The shared incident, e.g. INC-20261124-140211-3f2a.")
    String incident;

    @Mixin
    InventoryOption inventory;

    /** @param env the process environment: the coordination Redis password's variable */
    FollowCommand(AppHome home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inventory loaded;
        try {
            loaded = inventory.load(home);
        } catch (InventoryException e) {
            return refuse(err, e.getMessage());
        }
        try (AppExecutors executors = new AppExecutors();
             SshConnections ssh = CommandLineSsh.connections(home, env, new RefusingKeyRecorder(), executors);
             Connected coordination = new CoordinationConnector(ssh, env).open(loaded)) {
            return follow(coordination, out, err);
        } catch (CoordinationUnavailableException e) {
            return refuse(err, e.getMessage());
        }
    }

    private int follow(Connected coordination, PrintWriter out, PrintWriter err) throws InterruptedException {
        CountDownLatch resolved = new CountDownLatch(1);
        try (TimelineFollower follower = new TimelineFollower(coordination.endpoint(), incident, e -> {
            synchronized (out) {
                out.println(line(e));
                out.flush();
            }
            if (e.event() instanceof IncidentEvent.Resolved) {
                resolved.countDown();
            }
        })) {
            err.println("following " + incident + " on " + coordination.label() + " (Ctrl+C to stop)");
            err.flush();
            resolved.await();
        }
        return 0;
    }

    private static int refuse(PrintWriter err, String sentence) {
        err.println("incident-console: " + sentence);
        err.flush();
        return 2;
    }

    /** "14:02:11 UTC  jana@console-a  Step 5 started on web-01 …" */
    static String line(SharedEvent e) {
        return TimelineWording.utcClock(e.ts()) + " UTC  " + e.operator() + "@" + e.console() + "  "
                + TimelineWording.what(e.event());
    }
}
