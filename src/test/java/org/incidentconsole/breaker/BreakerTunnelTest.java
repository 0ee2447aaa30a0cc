package org.incidentconsole.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.RedisEndpoint;
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
import redis.clients.jedis.Pipeline;

/** Breakers in a real redis-server, read and changed through a real SSH tunnel (MINA SSHD). */
class BreakerTunnelTest {
    @TempDir
    Path dir;
    SshKit kit;
    Path key;
    MinaSshServer sshd;
    TestRedis redis;
    SshConnections ssh;
    RedisLinks links;
    final Instant now = Instant.parse("2026-11-23T17:00:00Z");
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        key = TestKeys.generate(dir, "id_ed25519");
        sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        redis = TestRedis.start();
        ssh = kit.connections();
        links = new RedisLinks(ssh, Map.of(), RedisPasswordPrompt.NONE);
    }

    @AfterEach
    void tearDown() throws Exception {
        links.close();
        kit.close();
        redis.close();
        sshd.close();
    }

    private Host host(String name, MinaSshServer server, RedisEndpoint endpoint) {
        Host h = SshKit.host(name, server.port(), key);
        return new Host(h.name(), h.address(), h.port(), h.user(), h.identityFiles(), false, List.of(), null, null,
                endpoint, BreakerSettings.defaults(), List.of(), Map.of());
    }

    private Host web1() {
        return host("web-01", sshd, new RedisEndpoint("127.0.0.1", redis.port(), 0, null, false));
    }

    private BreakerMonitor monitor(Host host) throws Exception {
        return new BreakerMonitor(links.linkFor(host), host.breakers(), clock);
    }

    @Test
    void breakers_in_every_state_are_read_with_failures_and_times() throws Exception {
        try (Jedis j = redis.direct()) {
            j.set("circuit_breaker:calcom:state", "OPEN");
            j.set("circuit_breaker:calcom:failures", "17");
            j.set("circuit_breaker:calcom:opened_at", String.valueOf(now.minusSeconds(600).getEpochSecond()));
            j.set("circuit_breaker:stripe:state", "half_open");
            j.set("circuit_breaker:stripe:failures", "3");
            j.set("circuit_breaker:mailer:state", "Closed");
            j.set("circuit_breaker:sms:state", "wobbly");
            j.set("circuit_breaker:geo:state", "open");
            j.set("circuit_breaker:geo:opened_at", String.valueOf(now.minusSeconds(60).getEpochSecond()));
            j.set("calcom_api_rate_limit:minute", "57");
            j.expire("calcom_api_rate_limit:minute", 42);
            j.set("unrelated:key", "x");
        }
        BreakerPoll panel = monitor(web1()).poll();

        assertThat(panel.error()).isNull();
        assertThat(panel.breakers()).extracting(v -> v.breaker().service()).containsExactly("calcom", "geo", "mailer",
                "sms", "stripe");
        Map<String, TrackedBreaker> by = new HashMap<>();
        panel.breakers().forEach(v -> by.put(v.breaker().service(), v));
        assertThat(by.get("calcom").breaker().state()).isEqualTo(BreakerState.OPEN);
        assertThat(by.get("calcom").breaker().failures()).isEqualTo(17L);
        assertThat(by.get("calcom").openFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(by.get("calcom").stuckOpen()).as("open 10 min > 5 min threshold").isTrue();
        assertThat(by.get("geo").stuckOpen()).as("open 1 min").isFalse();
        assertThat(by.get("stripe").breaker().state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(by.get("mailer").breaker().state()).isEqualTo(BreakerState.CLOSED);
        assertThat(by.get("sms").breaker().state()).isEqualTo(BreakerState.UNKNOWN);
        assertThat(by.get("sms").breaker().error()).contains("holds 'wobbly'");
        assertThat(panel.rateLimits()).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo("57");
            assertThat(r.ttlSeconds()).isBetween(1L, 42L);
        });
        assertThat(panel.stuckOpen()).isEqualTo(1);
    }

    @Test
    void a_key_of_the_wrong_type_is_that_breakers_error_not_a_crash() throws Exception {
        try (Jedis j = redis.direct()) {
            j.hset("circuit_breaker:broken:state", "state", "open");
            j.set("circuit_breaker:ok:state", "closed");
            j.rpush("circuit_breaker:ok:failures", "1", "2");
        }
        BreakerPoll panel = monitor(web1()).poll();
        assertThat(panel.error()).isNull();
        assertThat(panel.breakers()).hasSize(2);
        assertThat(panel.breakers().get(0).breaker()).satisfies(b -> {
            assertThat(b.service()).isEqualTo("broken");
            assertThat(b.state()).isEqualTo(BreakerState.UNKNOWN);
            assertThat(b.error()).isEqualTo("circuit_breaker:broken:state: wrong type of key (hash, not a plain string value)");
        });
        assertThat(panel.breakers().get(1).breaker()).satisfies(b -> {
            assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
            assertThat(b.error()).contains("circuit_breaker:ok:failures: wrong type");
        });
    }

    @Test
    void ten_thousand_breakers_are_read_through_the_tunnel() throws Exception {
        try (Jedis j = redis.direct()) {
            Pipeline p = j.pipelined();
            for (int i = 0; i < 10_000; i++) {
                p.set("circuit_breaker:svc" + i + ":state", i % 10 == 0 ? "open" : "closed");
                p.set("circuit_breaker:svc" + i + ":failures", String.valueOf(i % 7));
            }
            p.sync();
        }
        BreakerPoll panel = monitor(web1()).poll();
        assertThat(panel.breakers()).hasSize(10_000);
        assertThat(panel.breakers().stream().filter(v -> v.breaker().state() == BreakerState.OPEN)).hasSize(1000);
        assertThat(panel.breakers().stream().mapToLong(v -> v.breaker().failures()).sum())
                .isEqualTo(IntStream.range(0, 10_000).map(i -> i % 7).sum());
    }

    @Test
    void actions_change_keys_together_and_report_before_and_after() throws Exception {
        try (Jedis j = redis.direct()) {
            j.set("circuit_breaker:calcom:state", "open");
            j.set("circuit_breaker:calcom:failures", "9");
            j.set("circuit_breaker:calcom:opened_at", "1700000000");
            j.set("circuit_breaker:stripe:state", "closed");
            j.set("a_rate_limit:1", "5");
            j.set("a_rate_limit:2", "8");
        }
        BreakerActions actions = new BreakerActions(links.linkFor(web1()), BreakerSettings.defaults(), clock);

        ActionResult reset = actions.reset("calcom");
        assertThat(reset.partial()).isFalse();
        assertThat(reset.changes()).containsExactly(
                new ActionResult.KeyChange("circuit_breaker:calcom:state", "open", "closed", null),
                new ActionResult.KeyChange("circuit_breaker:calcom:failures", "9", null, null),
                new ActionResult.KeyChange("circuit_breaker:calcom:opened_at", "1700000000", null, null));

        ActionResult tripAll = actions.tripAll();
        assertThat(tripAll.changes()).filteredOn(c -> c.key().endsWith(":state"))
                .extracting(ActionResult.KeyChange::after).containsOnly("open");
        try (Jedis j = redis.direct()) {
            assertThat(j.get("circuit_breaker:stripe:opened_at")).isEqualTo(String.valueOf(now.getEpochSecond()));
        }

        ActionResult unknown = actions.reset("nope");
        assertThat(unknown.partial()).isTrue();
        assertThat(unknown.changes().get(0).error()).isEqualTo("no breaker named 'nope'");

        ActionResult limits = actions.clearRateLimits();
        assertThat(limits.changes()).extracting(ActionResult.KeyChange::key, ActionResult.KeyChange::before,
                ActionResult.KeyChange::after).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("a_rate_limit:1", "5", null),
                org.assertj.core.groups.Tuple.tuple("a_rate_limit:2", "8", null));
    }

    @Test
    void a_redis_with_a_password_is_used_with_the_one_from_the_environment() throws Exception {
        try (TestRedis locked = TestRedis.withPassword("s3cret-pw")) {
            try (Jedis j = locked.direct()) {
                j.set("circuit_breaker:x:state", "open");
            }
            Host h = host("web-01", sshd, new RedisEndpoint("127.0.0.1", locked.port(), 0, "TEST_REDIS_PW", false));
            RedisLinks withEnv = new RedisLinks(kit.connections(), Map.of("TEST_REDIS_PW", "s3cret-pw"),
                    RedisPasswordPrompt.NONE);
            RedisLinks without = new RedisLinks(kit.connections(), Map.of(), RedisPasswordPrompt.NONE);
            RedisLinks typedWrong = new RedisLinks(kit.connections(), Map.of(), (r, v) -> "nope".toCharArray());
            try {
                assertThat(new BreakerMonitor(withEnv.linkFor(h), h.breakers(), clock).poll().breakers()).hasSize(1);
                assertThat(new BreakerMonitor(without.linkFor(h), h.breakers(), clock).poll().error())
                        .contains("asks for a password");
                assertThat(new BreakerMonitor(typedWrong.linkFor(h), h.breakers(), clock).poll().error())
                        .contains("refused the password");
            } finally {
                withEnv.close();
                without.close();
                typedWrong.close();
            }
        }
    }

    @Test
    void two_hosts_naming_one_shared_redis_share_one_link_and_private_ones_do_not() throws Exception {
        try (MinaSshServer other = MinaSshServer.start(TestKeys.publicKey(key))) {
            kit.trust(other);
            RedisEndpoint shared = new RedisEndpoint("127.0.0.1", redis.port(), 0, null, true);
            Host a = host("web-01", sshd, shared);
            Host b = host("web-02", other, shared);
            assertThat(links.linkFor(a)).isSameAs(links.linkFor(b));
            Host c = host("web-03", other, new RedisEndpoint("127.0.0.1", redis.port(), 0, null, false));
            assertThat(links.linkFor(c)).isNotSameAs(links.linkFor(a));
            try (Jedis j = redis.direct()) {
                j.set("circuit_breaker:one:state", "open");
            }
            assertThat(new BreakerMonitor(links.linkFor(b), b.breakers(), clock).poll().breakers()).hasSize(1);
        }
    }

    @Test
    void a_host_without_redis_says_so() {
        Host none = SshKit.host("bare", sshd.port(), key);
        assertThatThrownBy(() -> links.linkFor(none)).isInstanceOf(RedisUnavailableException.class)
                .hasMessageContaining("no redis block");
    }

    @Test
    void the_panel_recovers_by_itself_when_redis_is_restarted_while_polling() throws Exception {
        try (Jedis j = redis.direct()) {
            j.set("circuit_breaker:calcom:state", "open");
        }
        Host h = web1();
        BreakerSettings fast = new BreakerSettings(h.breakers().schemes(), h.breakers().rateLimitPatterns(),
                Duration.ofMinutes(5), Duration.ofMillis(100));
        LinkedBlockingQueue<BreakerPoll> panels = new LinkedBlockingQueue<>();
        try (BreakerMonitor monitor = new BreakerMonitor(links.linkFor(h), fast, Clock.systemUTC())) {
            monitor.addListener(panels::add);
            monitor.start(kit.scheduler);
            awaitPanel(panels, p -> p.error() == null && p.breakers().size() == 1);

            redis.stop();
            BreakerPoll down = awaitPanel(panels, p -> p.error() != null);
            assertThat(down.error()).contains("not reachable");
            assertThat(down.breakers()).as("the last known breakers stay on screen").hasSize(1);

            redis.startAgain();
            try (Jedis j = redis.direct()) {
                j.set("circuit_breaker:calcom:state", "closed");
            }
            BreakerPoll back = awaitPanel(panels, p -> p.error() == null && p.breakers().size() == 1
                    && p.breakers().get(0).breaker().state() == BreakerState.CLOSED);
            assertThat(back.breakers().get(0).history()).extracting(TrackedBreaker.Transition::to)
                    .containsExactly(BreakerState.CLOSED);
        }
    }

    @Test
    void the_first_reset_after_the_ssh_connection_came_back_reaches_redis() throws Exception {
        try (Jedis j = redis.direct()) {
            j.set("circuit_breaker:calcom:state", "open");
            j.set("circuit_breaker:calcom:failures", "4");
        }
        Host h = web1();
        RedisLink link = links.linkFor(h);
        // a connection sits idle in the pool, forwarded through the SSH session about to go
        String pong = link.with(j -> j.ping());
        assertThat(pong).isEqualTo("PONG");
        var connection = ssh.connection(h);
        connection.disconnect();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sshd.activeSessions() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // the server has let the old session go: its forwarded sockets are ending
        }
        assertThat(sshd.activeSessions()).isZero();
        connection.connect().get(30, TimeUnit.SECONDS);

        ActionResult reset = new BreakerActions(link, h.breakers(), clock).reset("calcom");
        assertThat(reset.partial()).as("the reset went to Redis, not to a socket of the dropped session").isFalse();
        try (Jedis j = redis.direct()) {
            assertThat(j.get("circuit_breaker:calcom:state")).isEqualTo("closed");
        }
    }

    private static BreakerPoll awaitPanel(LinkedBlockingQueue<BreakerPoll> panels, Predicate<BreakerPoll> match)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            BreakerPoll p = panels.poll(1, TimeUnit.SECONDS);
            if (p != null && match.test(p)) {
                return p;
            }
        }
        throw new AssertionError("no matching breaker panel within 30 s");
    }

    @Test
    void a_poll_that_stalls_never_holds_the_shared_scheduler_and_polls_do_not_pile_up_behind_it() throws Exception {
        Host h = web1();
        BreakerSettings fast = new BreakerSettings(h.breakers().schemes(), h.breakers().rateLimitPatterns(),
                Duration.ofMinutes(5), Duration.ofMillis(20));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handedOff = new AtomicInteger();
        ExecutorService work = Executors.newCachedThreadPool();
        Executor stalling = task -> {
            handedOff.incrementAndGet();
            work.execute(() -> {
                try {
                    release.await(); // Redis stalls: the poll waits until released
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            });
        };
        ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor();
        try (BreakerMonitor monitor = new BreakerMonitor(links.linkFor(h), fast, Clock.systemUTC())) {
            monitor.start(scheduler, stalling);
            // a command timeout due on the same scheduler fires while the poll is stalled
            CountDownLatch timeoutFired = new CountDownLatch(5);
            for (int i = 0; i < 5; i++) {
                scheduler.schedule(timeoutFired::countDown, 30L * i, TimeUnit.MILLISECONDS);
            }
            assertThat(timeoutFired.await(10, TimeUnit.SECONDS)).as("the scheduler stayed free").isTrue();
            assertThat(handedOff.get()).as("one poll in flight, none queued behind it").isEqualTo(1);
            LinkedBlockingQueue<BreakerPoll> panels = new LinkedBlockingQueue<>();
            monitor.addListener(panels::add);
            release.countDown();
            awaitPanel(panels, p -> p.error() == null);
        } finally {
            scheduler.shutdownNow();
            work.shutdownNow();
        }
    }
}
