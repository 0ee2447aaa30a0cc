package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.incidentconsole.app.AppHome;
import org.incidentconsole.app.ConsoleServices;
import org.incidentconsole.breaker.BreakerPoll;
import org.incidentconsole.drill.DrillEnvironment;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.breaker.BreakerCommand;

/**
 * The window's path, without a toolkit: the composition root's live panels on the real drill journal what they see
 * — health, breakers (a reset seen closing), the connection — into the incident being worked on.
 */
class PanelJournalEventsWindowPathTest {
    @TempDir
    Path dir;
    DrillEnvironment drill;
    ConsoleServices services;

    @BeforeEach
    void setUp() throws Exception {
        drill = DrillEnvironment.start(true);
        services = ConsoleServices.forDrill(new AppHome(dir.resolve("home")), drill, SudoPasswordPrompt.NONE);
    }

    @AfterEach
    void tearDown() {
        services.close();
        drill.close();
    }

    private List<IncidentEvent> journal(IncidentSession session) {
        try {
            return JournalReader.read(session.journalFile()).records().stream().map(JournalRecord::data).toList();
        } catch (JournalException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (on the session's own notifications, no sleeping) until the journal satisfies {@code condition}. */
    private void await(IncidentSession session, Predicate<List<IncidentEvent>> condition) throws Exception {
        CountDownLatch met = new CountDownLatch(1);
        session.addListener(s -> {
            if (condition.test(journal(session))) {
                met.countDown();
            }
        });
        if (condition.test(journal(session))) {
            met.countDown();
        }
        assertThat(met.await(90, TimeUnit.SECONDS)).as("journal: " + journal(session)).isTrue();
    }

    private static boolean has(List<IncidentEvent> events, Predicate<IncidentEvent> p) {
        return events.stream().anyMatch(p);
    }

    @Test
    void the_windows_panels_journal_health_breaker_transitions_and_the_connection() throws Exception {
        Inventory inventory = services.inventories().load(drill.inventory()).get(60, TimeUnit.SECONDS);
        Host host = inventory.hosts().get(0);
        IncidentSession session = services.incidents().start("Checkout 500s", "alert", Severity.P1,
                new IncidentBinding(inventory.environment().label(), null, null), "jana");
        AtomicReference<String> source = new AtomicReference<>();
        services.panels().start(inventory, r -> { }, (BreakerPoll p) -> source.set(p.source()), a -> { });
        services.ssh().connection(host).connect().get(60, TimeUnit.SECONDS);

        await(session, e -> has(e, x -> x instanceof IncidentEvent.HealthTransition h && h.check().equals("api-health")
                && "CRITICAL".equals(h.to()))
                && has(e, x -> x instanceof IncidentEvent.BreakerTransition b && b.service().equals("calcom")
                && "OPEN".equals(b.to())));
        assertThat(journal(session)).filteredOn(x -> x instanceof IncidentEvent.ConnectionChanged)
                .extracting(x -> ((IncidentEvent.ConnectionChanged) x).host() + " "
                        + ((IncidentEvent.ConnectionChanged) x).change()).containsExactly(host.name() + " connected");

        services.breakerActions().run(source.get(), BreakerCommand.RESET, "calcom", session);

        await(session, e -> has(e, x -> x instanceof IncidentEvent.BreakerTransition b && b.service().equals("calcom")
                && "OPEN".equals(b.from()) && "CLOSED".equals(b.to())));
        List<IncidentEvent.HealthTransition> api = journal(session).stream()
                .filter(x -> x instanceof IncidentEvent.HealthTransition).map(x -> (IncidentEvent.HealthTransition) x)
                .filter(h -> h.check().equals("api-health")).toList();
        assertThat(api.get(0).from()).as("first sight").isNull();
        for (int i = 1; i < api.size(); i++) {
            assertThat(api.get(i).from()).as("state changes only, each from the last").isEqualTo(api.get(i - 1).to())
                    .isNotEqualTo(api.get(i).to());
        }
    }
}
