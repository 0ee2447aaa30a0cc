package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.coordination.CoordinationEndpoint;
import org.incidentconsole.coordination.SharedTimeline;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ssh.HostKeyStore;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code incident-console follow}: a console shares its journal on a real redis-server; follow prints it live. */
class FollowCommandTest {
    @TempDir
    Path dir;
    TestRedis redis;
    Path inventory;

    @BeforeEach
    void start() throws Exception {
        redis = TestRedis.start();
        inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, """
                environment: staging
                hosts:
                  - {name: web-01, address: 127.0.0.1, port: 22, user: deploy}
                coordination:
                  redis: 127.0.0.1:%d
                """.formatted(redis.port()));
    }

    @AfterEach
    void stop() throws Exception {
        redis.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private CompletableFuture<Run> follow(String... args) {
        return follow(new AppHome(dir.resolve("home")), args);
    }

    private CompletableFuture<Run> follow(AppHome home, String... args) {
        return CompletableFuture.supplyAsync(() -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new FollowCommand(home, Map.of()));
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int exit = cli.execute(args);
            return new Run(exit, out.toString(), err.toString());
        });
    }

    @Test
    void every_event_a_console_shares_is_printed_in_order_until_the_incident_is_resolved() throws Exception {
        IncidentSession session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start(
                "Checkout answers 500", "alert", Severity.P1, "staging", "jana", null, "UTC");
        try (SharedTimeline shared = new SharedTimeline(CoordinationEndpoint.plain("127.0.0.1", redis.port()),
                session.id(), "console-a", session.journalFile())) {
            shared.attach(session);
            CompletableFuture<Run> following = follow("--inventory", inventory.toString(), session.id());
            session.record(new IncidentEvent.NoteAdded("web-01 answers 500 since 14:02", "jana")).get(30,
                    TimeUnit.SECONDS);
            session.record(new IncidentEvent.NoteAdded("rolled back to v41", "jana")).get(30, TimeUnit.SECONDS);
            session.record(new IncidentEvent.Resolved("rollback held for 10 minutes", "jana")).get(30,
                    TimeUnit.SECONDS);

            Run run = following.get(60, TimeUnit.SECONDS);

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out().lines().toList()).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(l -> assertThat(l).matches("\\d\\d:\\d\\d:\\d\\d UTC  jana@console-a  .+"));
            String out = run.out();
            assertThat(out.indexOf("web-01 answers 500 since 14:02")).isPositive()
                    .isLessThan(out.indexOf("rolled back to v41"));
            assertThat(out.indexOf("rolled back to v41")).isLessThan(out.lastIndexOf("rollback held for 10 minutes"));
        } finally {
            session.close();
        }
    }

    @Test
    void following_through_via_a_host_prints_the_events_that_reach_the_redis_behind_it() throws Exception {
        Path key = TestKeys.generate(dir, "id_ed25519");
        try (MinaSshServer sshd = MinaSshServer.start(TestKeys.publicKey(key))) {
            AppHome home = new AppHome(dir.resolve("home"));
            Files.createDirectories(home.dir());
            new HostKeyStore(null, home.knownHosts()).trust("127.0.0.1", sshd.port(), sshd.hostKey());
            Path viaInventory = TunnelledCoordination.inventory(Files.createDirectory(dir.resolve("via")), sshd.port(),
                    key, redis.port());
            IncidentSession session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start(
                    "Checkout answers 500", "alert", Severity.P1, "staging", "jana", null, "UTC");
            try (SharedTimeline shared = new SharedTimeline(CoordinationEndpoint.plain("127.0.0.1", redis.port()),
                    session.id(), "console-a", session.journalFile())) {
                shared.attach(session);
                CompletableFuture<Run> following = follow(home, "--inventory", viaInventory.toString(), session.id());
                session.record(new IncidentEvent.NoteAdded("seen through the bastion", "jana")).get(30,
                        TimeUnit.SECONDS);
                session.record(new IncidentEvent.Resolved("rollback held", "jana")).get(30, TimeUnit.SECONDS);

                Run run = following.get(60, TimeUnit.SECONDS);

                assertThat(run.exit()).as(run.err()).isZero();
                assertThat(run.err()).contains("following " + session.id() + " on 127.0.0.1:" + redis.port()
                        + " db 0 via bastion");
                assertThat(run.out()).contains("jana@console-a  ").contains("seen through the bastion")
                        .contains("rollback held");
            } finally {
                session.close();
            }
        }
    }

    @Test
    void a_via_host_whose_key_is_not_known_is_refused_in_one_sentence() throws Exception {
        Path key = TestKeys.generate(dir, "id_ed25519");
        try (MinaSshServer sshd = MinaSshServer.start(TestKeys.publicKey(key))) {
            Path viaInventory = TunnelledCoordination.inventory(Files.createDirectory(dir.resolve("via")), sshd.port(),
                    key, redis.port());
            Run run = follow(new AppHome(dir.resolve("home")), "--inventory", viaInventory.toString(), "INC-1")
                    .get(60, TimeUnit.SECONDS);
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).startsWith("incident-console: coordination Redis 127.0.0.1:" + redis.port()
                    + " db 0 via bastion: no SSH connection: ").doesNotContain("\tat ");
        }
    }

    @Test
    void an_inventory_without_coordination_or_with_an_unset_password_is_one_sentence_and_exit_2() throws Exception {
        Files.writeString(inventory, """
                environment: staging
                hosts:
                  - {name: web-01, address: 127.0.0.1, port: 22, user: deploy}
                """);
        Run none = follow("--inventory", inventory.toString(), "INC-1").get(30, TimeUnit.SECONDS);
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("has no coordination: block");

        Files.writeString(inventory, """
                environment: staging
                hosts:
                  - {name: web-01, address: 127.0.0.1, port: 22, user: deploy}
                coordination:
                  redis: 127.0.0.1:%d
                  password_env: COORD_PASSWORD
                """.formatted(redis.port()));
        Run unset = follow("--inventory", inventory.toString(), "INC-1").get(30, TimeUnit.SECONDS);
        assertThat(unset.exit()).isEqualTo(2);
        assertThat(unset.err()).contains("export COORD_PASSWORD");
    }
}
