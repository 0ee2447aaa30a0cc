package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.incidentconsole.app.TunnelledCoordination.assertStrictlyOrdered;
import static org.incidentconsole.app.TunnelledCoordination.awaitState;
import static org.incidentconsole.app.TunnelledCoordination.note;
import static org.incidentconsole.app.TunnelledCoordination.notes;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.app.CoordinationConnector.Connected;
import org.incidentconsole.coordination.CoordinationKeys;
import org.incidentconsole.coordination.CoordinationUnavailableException;
import org.incidentconsole.coordination.Presence;
import org.incidentconsole.coordination.PresenceEntry;
import org.incidentconsole.coordination.Role;
import org.incidentconsole.coordination.SharedEvent;
import org.incidentconsole.coordination.SharedTimeline;
import org.incidentconsole.coordination.ShareState;
import org.incidentconsole.coordination.TimelineFollower;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.inventory.CoordinationSettings;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.InventoryException;
import org.incidentconsole.inventory.InventoryLoader;
import org.incidentconsole.ssh.SshConnection;
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

/** The coordination Redis behind a host: a real redis-server reached through a real SSH tunnel (MINA SSHD). */
class CoordinationConnectorTest {
    @TempDir
    Path dir;
    SshKit kit;
    Path key;
    MinaSshServer sshd;
    TestRedis redis;
    SshConnections ssh;
    Inventory inventory;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        key = TestKeys.generate(dir, "id_ed25519");
        sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        redis = TestRedis.start();
        ssh = kit.connections();
        inventory = load(TunnelledCoordination.inventory(dir, sshd.port(), key, redis.port()));
    }

    @AfterEach
    void tearDown() throws Exception {
        kit.close();
        redis.close();
        sshd.close();
    }

    private Inventory load(Path file) throws InventoryException {
        return new InventoryLoader(dir).load(file);
    }

    private SshConnection bastion() {
        return ssh.connection(inventory.host("bastion").orElseThrow());
    }

    @Test
    void events_are_published_and_followed_through_the_tunnel_and_land_in_the_redis_behind_the_host()
            throws Exception {
        IncidentSession session = TunnelledCoordination.session(dir);
        LinkedBlockingQueue<SharedEvent> followed = new LinkedBlockingQueue<>();
        try (Connected coordination = new CoordinationConnector(ssh, Map.of()).open(inventory);
             SharedTimeline shared = new SharedTimeline(coordination.endpoint(), session.id(), "console-a",
                     session.journalFile());
             TimelineFollower follower = new TimelineFollower(coordination.endpoint(), session.id(), followed::add)) {
            assertThat(coordination.label()).isEqualTo("127.0.0.1:" + redis.port() + " db 0 via bastion");
            assertThat(coordination.tunnelled()).isTrue();
            assertThat(coordination.usable()).isTrue();
            assertThat(coordination.endpoint().host()).isEqualTo("127.0.0.1");
            assertThat(coordination.endpoint().port()).as("a local port of the tunnel").isNotEqualTo(redis.port());
            shared.attach(session);
            for (int i = 0; i < 5; i++) {
                note(session, "through the tunnel " + i);
            }

            assertStrictlyOrdered(notes(followed, new ArrayList<>(), 5), "through the tunnel ", 5);
            try (Jedis direct = redis.direct()) {
                assertThat(direct.xlen(coordination.endpoint().eventsKey(session.id())))
                        .as("the events are in the Redis behind the bastion").isGreaterThanOrEqualTo(5);
            }
        } finally {
            session.close();
        }
    }

    @Test
    void two_hundred_events_arrive_in_order_through_the_tunnel_and_their_latency_is_printed() throws Exception {
        int count = 200;
        IncidentSession session = TunnelledCoordination.session(dir);
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        LinkedBlockingQueue<SharedEvent> followed = new LinkedBlockingQueue<>();
        try (Connected coordination = new CoordinationConnector(ssh, Map.of()).open(inventory);
             SharedTimeline shared = new SharedTimeline(coordination.endpoint(), session.id(), "console-a",
                     session.journalFile());
             TimelineFollower follower = new TimelineFollower(coordination.endpoint(), session.id(), e -> {
                 if (e.event() instanceof IncidentEvent.NoteAdded n) {
                     arrived.put(n.text(), System.nanoTime());
                 }
                 followed.add(e);
             })) {
            shared.attach(session);
            Map<String, Long> journaled = new HashMap<>();
            for (int i = 0; i < count; i++) {
                note(session, "timed " + i);
                journaled.put("timed " + i, System.nanoTime());
            }
            assertStrictlyOrdered(notes(followed, new ArrayList<>(), count), "timed ", count);
            long[] micros = journaled.entrySet().stream()
                    .mapToLong(e -> Math.max(0, arrived.get(e.getKey()) - e.getValue()) / 1_000).sorted().toArray();
            System.out.printf("journaled -> followed through a MINA SSH tunnel, %d events: median %.2f ms, p99 %.2f ms,"
                    + " max %.2f ms%n", count, micros[count / 2] / 1000.0, micros[count * 99 / 100] / 1000.0,
                    micros[count - 1] / 1000.0);
        } finally {
            session.close();
        }
    }

    @Test
    void publishing_resumes_by_itself_with_nothing_lost_when_the_ssh_connection_drops_and_comes_back()
            throws Exception {
        IncidentSession session = TunnelledCoordination.session(dir);
        LinkedBlockingQueue<SharedEvent> followed = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<ShareState> states = new LinkedBlockingQueue<>();
        List<String> seen = new ArrayList<>();
        try (Connected coordination = new CoordinationConnector(ssh, Map.of()).open(inventory);
             SharedTimeline shared = new SharedTimeline(coordination.endpoint(), session.id(), "console-a",
                     session.journalFile());
             TimelineFollower follower = new TimelineFollower(coordination.endpoint(), session.id(), followed::add)) {
            shared.attach(session);
            shared.addStateListener(states::add);
            for (int i = 0; i < 5; i++) {
                note(session, "note " + i);
            }
            assertThat(notes(followed, seen, 5)).hasSize(5);

            bastion().disconnect();
            awaitState(states, s -> !s.online());
            for (int i = 5; i < 10; i++) {
                note(session, "note " + i);
            }
            ShareState waiting = awaitState(states, s -> !s.online() && s.waiting() >= 5);
            assertThat(waiting.problem()).isNotBlank();

            bastion().connect().get(30, TimeUnit.SECONDS);
            awaitState(states, s -> s.online() && s.waiting() == 0);

            assertStrictlyOrdered(notes(followed, seen, 10), "note ", 10);
            assertThat(followed.poll(1, TimeUnit.SECONDS)).as("nothing handed twice").isNull();
            assertThat(coordination.usable()).as("a drop does not end the tunnel").isTrue();
        } finally {
            session.close();
        }
    }

    @Test
    void the_pool_drops_connections_of_the_ssh_session_that_went_away() throws Exception {
        try (Connected coordination = new CoordinationConnector(ssh, Map.of()).open(inventory)) {
            Presence presence = new Presence(coordination.redis(),
                    CoordinationKeys.of(coordination.endpoint(), "INC-1"), "console-a", Duration.ofMinutes(1),
                    Clock.systemUTC());
            presence.join("jana", Role.OPERATOR); // leaves a connection idle in the pool, carried by this session
            SshConnection connection = bastion();
            connection.disconnect();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sshd.activeSessions() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // the server let the old session go: its forwarded sockets are ending
            }
            assertThat(sshd.activeSessions()).isZero();
            connection.connect().get(30, TimeUnit.SECONDS);

            assertThat(presence.present()).as("the first command after the reconnect reaches Redis")
                    .extracting(PresenceEntry::operator).containsExactly("jana");

            connection.close();
            assertThat(coordination.usable()).as("the host's connection closed for good ends the tunnel").isFalse();
        }
    }

    @Test
    void a_direct_coordination_redis_is_used_at_the_address_written_without_any_ssh() throws Exception {
        Files.writeString(dir.resolve("direct.yaml"), """
                environment: staging
                hosts:
                  - {name: web-01, address: 127.0.0.1, port: 1, user: deploy}
                coordination: {redis: "127.0.0.1:%d", db: 2, via: direct}
                """.formatted(redis.port()));
        try (Connected coordination = new CoordinationConnector(ssh, Map.of())
                .open(load(dir.resolve("direct.yaml")))) {
            assertThat(coordination.tunnelled()).isFalse();
            assertThat(coordination.label()).isEqualTo("127.0.0.1:" + redis.port() + " db 2");
            assertThat(coordination.endpoint().port()).isEqualTo(redis.port());
            assertThat(coordination.endpoint().db()).isEqualTo(2);
        }
        assertThat(ssh.all()).as("no SSH connection was opened").isEmpty();
    }

    @Test
    void a_via_naming_no_host_of_the_inventory_is_refused_by_the_inventory_at_its_line() throws Exception {
        Path file = dir.resolve("unknown-via.yaml");
        Files.writeString(file, Files.readString(dir.resolve("inventory.yaml")).replace("via: bastion",
                "via: jump-01"));
        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryException.class)
                .hasMessageContaining(file + ":11").hasMessageContaining("'jump-01' is no host of this inventory");
    }

    @Test
    void an_unreachable_host_is_one_sentence_naming_the_redis_and_the_host() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        Inventory unreachable = load(TunnelledCoordination.inventory(dir, closed, key, 6380));
        assertThatThrownBy(() -> new CoordinationConnector(ssh, Map.of()).open(unreachable))
                .isInstanceOf(CoordinationUnavailableException.class)
                .hasMessageStartingWith("coordination Redis 127.0.0.1:6380 db 0 via bastion: no SSH connection: ")
                .hasMessageNotContaining("\n").hasMessageNotContaining("Exception");
    }

    @Test
    void a_via_host_missing_from_a_hand_made_inventory_and_an_unset_password_are_one_sentence_each() {
        Inventory missing = new Inventory(dir.resolve("x.yaml"), inventory.environment(), List.of(),
                inventory.comms(), inventory.coordination());
        assertThatThrownBy(() -> new CoordinationConnector(ssh, Map.of()).open(missing))
                .isInstanceOf(CoordinationUnavailableException.class)
                .hasMessage("coordination Redis 127.0.0.1:" + redis.port() + " db 0 via bastion: bastion is no host of "
                        + dir.resolve("x.yaml"));

        CoordinationSettings c = inventory.coordination();
        Inventory locked = new Inventory(inventory.source(), inventory.environment(), inventory.hosts(),
                inventory.comms(), new CoordinationSettings(c.host(), c.port(), c.via(), c.db(), "COORD_PW", c.tls(),
                c.prefix(), c.line()));
        assertThatThrownBy(() -> new CoordinationConnector(ssh, Map.of()).open(locked))
                .isInstanceOf(CoordinationUnavailableException.class)
                .hasMessageEndingWith("via bastion: its password is not set: export COORD_PW");
    }
}
