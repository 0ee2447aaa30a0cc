package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.incidentconsole.breaker.BreakerMonitor;
import org.incidentconsole.breaker.RedisLinks;
import org.incidentconsole.breaker.RedisPasswordPrompt;
import org.incidentconsole.health.HealthCheck;
import org.incidentconsole.health.HealthChecks;
import org.incidentconsole.health.HealthPoller;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.health.HealthTransition;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.HealthCheckSpec;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.RedisEndpoint;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ssh.ConnectionState;
import org.incidentconsole.ssh.ConnectionStatus;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** The one path from the panels to the journal, fed by the real poller, monitor and connection it serves. */
class PanelJournalEventsJournalTest {
    @TempDir
    Path dir;
    SshKit kit;
    Path key;
    MinaSshServer sshd;
    SshConnections ssh;
    IncidentSession session;
    final AtomicReference<IncidentSession> current = new AtomicReference<>();
    PanelJournal panels;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        key = TestKeys.generate(dir, "id_ed25519");
        sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        ssh = kit.connections();
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x", Severity.P1,
                "drill", "jana", "rb.md", "UTC");
        current.set(session);
        panels = new PanelJournal(current::get, new Redactor(), Clock.systemUTC(), Duration.ZERO);
    }

    @AfterEach
    void tearDown() throws Exception {
        session.close();
        kit.close();
        sshd.close();
    }

    private <T extends IncidentEvent> List<T> journaled(Class<T> type) throws Exception {
        return JournalReader.read(session.journalFile()).records().stream().map(JournalRecord::data)
                .filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void health_transitions_seen_by_the_poller_are_journaled_state_changes_only() throws Exception {
        Path flag = dir.resolve("healthy");
        Host h = SshKit.host("web-01", sshd.port(), key);
        Host host = new Host(h.name(), h.address(), h.port(), h.user(), h.identityFiles(), false, List.of(), null,
                null, null, BreakerSettings.defaults(), List.of(new HealthCheckSpec("api-health", "command",
                Map.of("command", "test -f '" + flag + "' && echo ready || echo down", "expect_regex", "ready",
                        "timeout_s", 10))), Map.of());
        List<HealthCheck> checks = HealthChecks.of(host);
        try (HealthPoller poller = new HealthPoller(ssh, Map.of(host, checks), Clock.systemUTC())) {
            poller.onTransition(panels::health); // the listener ConsoleServices and UnattendedWalk both add
            poller.pollOnce().get(60, TimeUnit.SECONDS);
            poller.pollOnce().get(60, TimeUnit.SECONDS);
            Files.writeString(flag, "");
            poller.pollOnce().get(60, TimeUnit.SECONDS);
            poller.pollOnce().get(60, TimeUnit.SECONDS);
        }

        var transitions = journaled(IncidentEvent.HealthTransition.class);
        assertThat(transitions).extracting(t -> t.from() + ">" + t.to())
                .containsExactly("null>CRITICAL", "CRITICAL>OK");
        assertThat(transitions).allSatisfy(t -> assertThat(t.host() + "/" + t.check()).isEqualTo("web-01/api-health"));
    }

    @Test
    void breaker_state_changes_the_monitor_sees_are_journaled_with_their_failure_counts() throws Exception {
        try (TestRedis redis = TestRedis.start(); Jedis j = redis.direct();
             RedisLinks links = new RedisLinks(ssh, Map.of(), RedisPasswordPrompt.NONE)) {
            Host h = SshKit.host("web-01", sshd.port(), key);
            Host host = new Host(h.name(), h.address(), h.port(), h.user(), h.identityFiles(), false, List.of(), null,
                    null, new RedisEndpoint("127.0.0.1", redis.port(), 0, null, false), BreakerSettings.defaults(),
                    List.of(), Map.of());
            j.set("circuit_breaker:calcom:state", "open");
            j.set("circuit_breaker:calcom:failures", "17");
            j.set("circuit_breaker:mailer:state", "closed");
            BreakerMonitor monitor = new BreakerMonitor(links.linkFor(host), host.breakers(), Clock.systemUTC());
            monitor.addListener(panels::breakers); // as ConsoleServices.startMonitor and UnattendedWalk do

            monitor.poll();
            j.set("circuit_breaker:calcom:state", "half_open");
            monitor.poll();
            monitor.poll();
            j.set("circuit_breaker:calcom:state", "closed"); // what the runbook's reset step does in Redis
            j.del("circuit_breaker:calcom:failures");
            monitor.poll();
            monitor.close();
        }

        var transitions = journaled(IncidentEvent.BreakerTransition.class);
        assertThat(transitions).extracting(t -> t.service() + " " + t.from() + ">" + t.to() + " " + t.failures())
                .as("a closed breaker first seen is not news; each change is, once")
                .containsExactly("calcom null>OPEN 17", "calcom OPEN>HALF_OPEN 17", "calcom HALF_OPEN>CLOSED null");
        assertThat(transitions).allSatisfy(t -> assertThat(t.key()).isEqualTo("circuit_breaker:calcom:state"));
    }

    @Test
    void a_connection_lost_and_regained_is_journaled_per_host() throws Exception {
        Host host = SshKit.host("web-01", sshd.port(), key);
        CountDownLatch lost = new CountDownLatch(1);
        CountDownLatch back = new CountDownLatch(1);
        ssh.connection(host).addListener(s -> panels.connection(host.name(), s));
        ssh.connection(host).addListener(s -> {
            if (s.state() == ConnectionState.CONNECTED && lost.getCount() == 0) {
                back.countDown();
            } else if (s.state() != ConnectionState.CONNECTED && s.state() != ConnectionState.CONNECTING
                    && journaledQuietly() > 0) {
                lost.countDown();
            }
        });
        ssh.connection(host).connect().get(30, TimeUnit.SECONDS);

        sshd.dropAllSessions();
        assertThat(lost.await(30, TimeUnit.SECONDS)).as("the drop was seen").isTrue();
        ssh.connection(host).connect().get(30, TimeUnit.SECONDS);
        assertThat(back.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(journaled(IncidentEvent.ConnectionChanged.class)).extracting(c -> c.host() + " " + c.change())
                .containsExactly("web-01 connected", "web-01 lost", "web-01 regained");
        String fingerprint = TestKeys.run(List.of("ssh-keygen", "-lf", TestKeys.publicKey(key).toString()))
                .split("\\s+")[1];
        assertThat(journaled(IncidentEvent.ConnectionChanged.class).get(0).reason())
                .as("the key that opened the host, as ssh-keygen names it").contains(fingerprint)
                .contains(key.toString());
    }

    private int journaledQuietly() {
        try {
            return journaled(IncidentEvent.ConnectionChanged.class).size();
        } catch (Exception e) {
            return 0;
        }
    }

    @Test
    void an_incident_started_while_the_panels_run_first_hears_what_they_show_then_each_change() throws Exception {
        current.set(null);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        panels.health(new HealthTransition("web-01", "api-health", null,
                HealthStatus.CRITICAL, "HTTP 500", t0));
        panels.connection("web-01", new ConnectionStatus(ConnectionState.CONNECTED, "", t0));
        assertThat(journaled(IncidentEvent.class)).as("no incident yet").hasSize(1); // only incident-started

        current.set(session);
        panels.tick();
        panels.health(new HealthTransition("web-01", "api-health",
                HealthStatus.CRITICAL, HealthStatus.OK,
                "HTTP 200", t0.plusSeconds(120)));

        assertThat(journaled(IncidentEvent.HealthTransition.class)).containsExactly(
                new IncidentEvent.HealthTransition("web-01", "api-health", null, "CRITICAL", "HTTP 500", null),
                new IncidentEvent.HealthTransition("web-01", "api-health", "CRITICAL", "OK", "HTTP 200", null));
        assertThat(journaled(IncidentEvent.ConnectionChanged.class)).extracting(IncidentEvent.ConnectionChanged::change)
                .containsExactly("connected");
    }

    @Test
    void comms_are_journaled_signed_by_the_incidents_operator_and_nothing_without_an_incident()
            throws Exception {
        panels.commsCopied("initial", "We are investigating errors on checkout.");
        current.set(null);
        panels.commsCopied("progress", "never journaled: no incident");

        assertThat(journaled(IncidentEvent.CommsCopied.class)).containsExactly(new IncidentEvent.CommsCopied(
                "initial", "We are investigating errors on checkout.", "jana"));
    }
}
