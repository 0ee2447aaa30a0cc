package org.incidentconsole.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.incidentconsole.coordination.CoordinationEndpoint;
import org.incidentconsole.coordination.SharedEvent;
import org.incidentconsole.coordination.TimelineFollower;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.inventory.CoordinationSettings;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.InventoryException;
import org.incidentconsole.inventory.InventoryLoader;
import org.incidentconsole.report.TimelineWording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code incident-console follow INCIDENT-ID}: a shared incident's timeline in a terminal, every console's events
 * in the order the coordination Redis holds them, from the first, live until the incident is resolved (or Ctrl+C):
 * for a teammate without the window, or a chat bot. Reads only.
 */
@Command(name = "follow", mixinStandardHelpOptions = true,
        description = "Print a shared incident's timeline from every console as it happens, until it is resolved "
                + "(Ctrl+C stops sooner). Exits 0 at Resolve, 2 for a bad inventory or no coordination: block.")
final class FollowCommand implements Callable<Integer> {
    private final AppHome home;
    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INCIDENT-ID", description = "The shared incident, e.g. INC-20261124-140211-3f2a.")
    String incident;

    @Option(names = "--inventory", paramLabel = "FILE", description = "Inventory YAML file (default: as the window).")
    Path inventory;

    /** @param env the process environment: the coordination Redis password's variable */
    FollowCommand(AppHome home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = inventory != null ? inventory : home.inventory();
        CoordinationEndpoint endpoint;
        try {
            endpoint = endpoint(file, new InventoryLoader(Path.of(System.getProperty("user.home"))).load(file));
        } catch (InventoryException | IllegalArgumentException e) {
            err.println("incident-console: " + e.getMessage());
            err.flush();
            return 2;
        }
        CountDownLatch resolved = new CountDownLatch(1);
        try (TimelineFollower follower = new TimelineFollower(endpoint, incident, e -> {
            synchronized (out) {
                out.println(line(e));
                out.flush();
            }
            if (e.event() instanceof IncidentEvent.Resolved) {
                resolved.countDown();
            }
        })) {
            err.println("following " + incident + " on " + endpoint.address() + " (Ctrl+C to stop)");
            err.flush();
            resolved.await();
        }
        return 0;
    }

    /** The inventory's coordination Redis; a tunnel through a host is refused until shared incidents build it. */
    private CoordinationEndpoint endpoint(Path file, Inventory loaded) {
        CoordinationSettings c = loaded.coordination();
        if (c == null) {
            throw new IllegalArgumentException(file + " has no coordination: block: a shared incident is followed "
                    + "through its coordination Redis");
        }
        if (c.via() != null) {
            throw new IllegalArgumentException("following through via: " + c.via() + " (an SSH tunnel) is not built "
                    + "yet; reach the coordination Redis directly (via: direct) from where you run this");
        }
        String password = null;
        if (c.passwordEnv() != null) {
            password = env.get(c.passwordEnv());
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException("the coordination Redis password is not set: export "
                        + c.passwordEnv());
            }
        }
        return new CoordinationEndpoint(c.host(), c.port(), c.db(), password, c.tls(), c.prefix());
    }

    /** "14:02:11 UTC  jana@console-a  Step 5 started on web-01 …" */
    static String line(SharedEvent e) {
        return TimelineWording.utcClock(e.ts()) + " UTC  " + e.operator() + "@" + e.console() + "  "
                + TimelineWording.what(e.event());
    }
}
