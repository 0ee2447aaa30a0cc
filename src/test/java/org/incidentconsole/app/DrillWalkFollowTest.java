package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.breaker.RedisLinks;
import org.incidentconsole.breaker.RedisPasswordPrompt;
import org.incidentconsole.drill.DrillEnvironment;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.InventoryLoader;
import org.incidentconsole.report.TimelineWording;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ssh.HostKeyPrompt;
import org.incidentconsole.ssh.HostKeyStore;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SshAuth;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.SshSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * #22 {@code follow} prints every event of a running drill walk: the walk's incident is shared on the drill's own
 * coordination Redis (as {@code drill --run} shares it), a teammate follows it from the first event, and once the
 * incident is resolved every record of the walk's journal has been printed, in journal order.
 */
class DrillWalkFollowTest {
    @TempDir
    Path dir;

    @Test
    void follow_prints_every_event_of_a_running_drill_walk() throws Exception {
        try (DrillEnvironment drill = DrillEnvironment.start(true);
             AppExecutors executors = new AppExecutors();
             SshConnections ssh = new SshConnections(SshSettings.defaults(), new HostKeyStore(null, drill.knownHosts()),
                     new SshAuth(null, drill.root(), PassphrasePrompt.NONE), HostKeyPrompt.REFUSE_ALL,
                     executors.io(), executors.scheduler());
             RedisLinks redis = new RedisLinks(ssh, Map.of(), RedisPasswordPrompt.NONE)) {
            Inventory inventory = new InventoryLoader(dir).load(drill.inventory());
            Host host = inventory.hosts().get(0);
            Runbook runbook = new RunbookParser().parse(Path.of("runbooks/emergency-rollback.md"));
            IncidentSession session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start(
                    "Drill: follow the walk", "health alert", Severity.P1, IncidentBinding.of(
                            inventory.environment().label(), "inventory.yaml", List.of(host.name())),
                    "jana", runbook.source(), "UTC");
            SharedSession shared = SharedSession.open(session, new CoordinationConnector(ssh, Map.of())
                    .open(inventory), executors.io(), executors.scheduler(), (id, events) -> { });
            StringWriter printed = new StringWriter();
            CompletableFuture<Integer> following = CompletableFuture.supplyAsync(() -> {
                CommandLine cli = new CommandLine(new FollowCommand(new AppHome(dir.resolve("ali")), Map.of()));
                cli.setOut(new PrintWriter(printed, true));
                return cli.execute("--inventory", drill.inventory().toString(), session.id());
            });

            UnattendedWalk.Outcome outcome = new UnattendedWalk(ssh, redis, executors.io(),
                    new PrintWriter(new StringWriter()), WalkOptions.defaults()).walk(session, runbook, host);
            if (!session.state().resolved()) { // the walk resolves a healed drill itself
                session.record(new IncidentEvent.Resolved("the drill healed", "jana")).get();
            }

            assertThat(following.get(120, TimeUnit.SECONDS)).as("follow ends at Resolve").isZero();
            assertThat(shared.timeline().awaitSent(Duration.ofSeconds(30))).isTrue();
            shared.close();
            session.close();
            assertThat(outcome.healthy()).as(String.join("; ", outcome.problems())).isTrue();
            List<JournalRecord> journal = JournalReader.read(session.journalFile()).records();
            List<String> lines = printed.toString().lines().toList();
            assertThat(lines).hasSize(journal.size());
            for (int i = 0; i < journal.size(); i++) {
                assertThat(lines.get(i)).as("line %d", i + 1)
                        .endsWith("  " + TimelineWording.what(journal.get(i).data()));
            }
            assertThat(journal).anyMatch(r -> r.data() instanceof IncidentEvent.StepFinished);
        }
    }
}
