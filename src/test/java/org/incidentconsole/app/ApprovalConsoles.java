package org.incidentconsole.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.incidentconsole.coordination.Approvals;
import org.incidentconsole.coordination.CoordinationEndpoint;
import org.incidentconsole.coordination.CoordinationKeys;
import org.incidentconsole.coordination.CoordinationRedis;
import org.incidentconsole.coordination.Presence;
import org.incidentconsole.coordination.Role;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.HostRoute;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.TestRedis;

/**
 * Consoles of one shared incident on a real redis-server, each with its own journal (its own incident directory),
 * presence entry and {@link ApprovalService}: what two operators' windows hold.
 */
final class ApprovalConsoles implements AutoCloseable {
    static final List<Host> HOSTS = List.of(host("web-01"), host("web-02"));
    static final List<String> COMMANDS = List.of("sudo systemctl restart php-fpm");

    private final CoordinationRedis link;
    private final CoordinationKeys keys = new CoordinationKeys(CoordinationEndpoint.DEFAULT_PREFIX,
            "INC-" + UUID.randomUUID());
    private final Path dir;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "approval-test-scheduler");
        t.setDaemon(true);
        return t;
    });
    private final List<Console> opened = new ArrayList<>();

    /** One console: its service, journal and presence; {@code journal} every event on its disk, in order. */
    record Console(ApprovalService service, IncidentSession session, Presence presence, List<IncidentEvent> journal) {
        <T extends IncidentEvent> List<T> events(Class<T> type) {
            return journal.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    ApprovalConsoles(TestRedis redis, Path dir) {
        this.link = new CoordinationRedis(CoordinationEndpoint.plain("127.0.0.1", redis.port()));
        this.dir = dir;
    }

    /** A console whose operator joined the incident in {@code role}; its requests expire after {@code expiry}. */
    Console join(String operator, Role role, Duration expiry) throws Exception {
        IncidentSession session = new IncidentStore(dir.resolve(operator).resolve("incidents"), Clock.systemUTC())
                .start("checkout 500s", "alert", Severity.P1, "production", operator,
                        "r.md", "UTC");
        List<IncidentEvent> journal = new CopyOnWriteArrayList<>();
        session.addRecordListener(r -> journal.add(r.data()));
        String console = "console-" + operator;
        Presence presence = new Presence(link, keys, console, Presence.DEFAULT_TTL, Clock.systemUTC());
        presence.join(operator, role);
        Approvals approvals = new Approvals(link, keys, presence, new Redactor(), Clock.systemUTC());
        ApprovalService service = new ApprovalService(approvals, presence, session, console, true, scheduler, expiry,
                Duration.ofMillis(50), Clock.systemUTC());
        Console c = new Console(service, session, presence, journal);
        opened.add(c);
        return c;
    }

    static Step step() throws Exception {
        return new RunbookParser().parse("r.md", """
                # Rollback

                ## Step 5: Restart php-fpm

                ```bash
                sudo systemctl restart php-fpm
                ```
                """).steps().get(0);
    }

    private static Host host(String name) {
        return new Host(name, name, 22, "deploy", List.of(), true, List.of(), null, null, null,
                BreakerSettings.defaults(), List.of(), Map.of(), new HostRoute(null, null, true, Set.of()));
    }

    @Override
    public void close() throws IOException {
        for (Console c : opened) {
            c.service().close();
            c.session().close();
        }
        scheduler.shutdownNow();
        link.close();
    }
}
