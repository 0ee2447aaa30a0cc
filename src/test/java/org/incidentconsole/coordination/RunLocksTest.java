package org.incidentconsole.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Run locks against a real redis-server, two consoles each with its own connection pool. */
class RunLocksTest {
    private static TestRedis redis;
    private static ScheduledExecutorService renewer;
    private static ExecutorService consoles;

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.start();
        renewer = Executors.newScheduledThreadPool(2);
        consoles = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() throws Exception {
        consoles.shutdownNow();
        renewer.shutdownNow();
        redis.close();
    }

    private static CoordinationKeys incident() {
        return new CoordinationKeys(CoordinationEndpoint.DEFAULT_PREFIX, "INC-" + UUID.randomUUID());
    }

    private static CoordinationRedis console() {
        return new CoordinationRedis(CoordinationEndpoint.plain("127.0.0.1", redis.port()));
    }

    private static RunLocks locks(CoordinationRedis link, CoordinationKeys keys, String console, Duration ttl) {
        return new RunLocks(link, keys, console, ttl, renewer, Clock.systemUTC());
    }

    /** Runs both at the same instant: two threads, both ready, released by one latch. */
    private static List<LockAttempt> atOnce(Callable<LockAttempt> first, Callable<LockAttempt> second)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        Future<LockAttempt> a = consoles.submit(() -> {
            ready.countDown();
            go.await();
            return first.call();
        });
        Future<LockAttempt> b = consoles.submit(() -> {
            ready.countDown();
            go.await();
            return second.call();
        });
        assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        return List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
    }

    @Test
    void two_consoles_taking_the_same_step_on_the_same_host_at_once_exactly_one_wins_in_each_of_200_rounds()
            throws Exception {
        CoordinationKeys keys = incident();
        try (CoordinationRedis a = console(); CoordinationRedis b = console()) {
            RunLocks jana = locks(a, keys, "console-a", RunLocks.DEFAULT_TTL);
            RunLocks ola = locks(b, keys, "console-b", RunLocks.DEFAULT_TTL);
            long lastFence = 0;
            int janaWon = 0;
            for (int round = 0; round < 200; round++) {
                List<LockAttempt> both = atOnce(() -> jana.acquire("Step 5", "web-01", "Jana"),
                        () -> ola.acquire("Step 5", "web-01", "Ola"));
                List<LockAttempt.Granted> won = both.stream().filter(LockAttempt.Granted.class::isInstance)
                        .map(LockAttempt.Granted.class::cast).toList();
                assertThat(won).as("round %d: %s", round, both).hasSize(1);
                LockAttempt.Refused lost = both.stream().filter(LockAttempt.Refused.class::isInstance)
                        .map(LockAttempt.Refused.class::cast).findFirst().orElseThrow();
                RunLock lock = won.get(0).lock();
                assertThat(lost.holder().owner()).as("the loser is told who holds it").isEqualTo(lock.owner());
                assertThat(lost.holder().fence()).isEqualTo(lock.fence());
                assertThat(lock.fence()).as("fencing numbers only grow").isGreaterThan(lastFence);
                assertThat(won.get(0).replaced()).isEmpty();
                lastFence = lock.fence();
                janaWon += lock.owner().operator().equals("Jana") ? 1 : 0;
                assertThat(lock.release()).isEqualTo(RunLock.Release.RELEASED);
            }
            System.out.printf("lock race: 200 rounds, Jana won %d, Ola won %d, last fence %d%n", janaWon,
                    200 - janaWon, lastFence);
        }
    }

    @ParameterizedTest(name = "{0} on {1} and {2} on {3} run together")
    @CsvSource({
            "Step 5, web-01, Step 5, web-02",
            "Step 5, web-01, Step 6, web-01",
            "Step 5, web-01, Step 6, web-02",
            "a:b,    c,      a,      b:c",
            "Step *, web-01, Step 5, web-01"})
    void different_hosts_or_steps_are_locked_independently(String step1, String host1, String step2, String host2)
            throws Exception {
        CoordinationKeys keys = incident();
        try (CoordinationRedis a = console(); CoordinationRedis b = console()) {
            RunLocks jana = locks(a, keys, "console-a", RunLocks.DEFAULT_TTL);
            RunLocks ola = locks(b, keys, "console-b", RunLocks.DEFAULT_TTL);
            List<LockAttempt> both = atOnce(() -> jana.acquire(step1, host1, "Jana"),
                    () -> ola.acquire(step2, host2, "Ola"));
            assertThat(both).allMatch(LockAttempt.Granted.class::isInstance);
            RunLock first = ((LockAttempt.Granted) both.get(0)).lock();
            RunLock second = ((LockAttempt.Granted) both.get(1)).lock();
            assertThat(first.fence()).isNotEqualTo(second.fence());
            assertThat(jana.holder(step1, host1)).isInstanceOf(LockStatus.Held.class);
            assertThat(first.release()).isEqualTo(RunLock.Release.RELEASED);
            assertThat(ola.holder(step2, host2)).as("releasing one left the other").isInstanceOf(LockStatus.Held.class);
            assertThat(second.release()).isEqualTo(RunLock.Release.RELEASED);
        }
    }

    @Test
    void a_lock_renewed_while_its_step_runs_outlives_its_ttl_many_times_over() throws Exception {
        CoordinationKeys keys = incident();
        String key = keys.lock("Step 5", "web-01");
        try (CoordinationRedis a = console(); KeyEvents events = KeyEvents.watch(redis)) {
            RunLocks jana = locks(a, keys, "console-a", Duration.ofMillis(1_500));
            RunLock lock = ((LockAttempt.Granted) jana.acquire("Step 5", "web-01", "Jana")).lock();
            events.await(key, "expire", 8); // renewed every 500 ms: 8 renewals span more than 2.5 TTLs
            assertThat(events.count(key, "expired")).as("never expired").isZero();
            LockStatus now = jana.holder("Step 5", "web-01");
            assertThat(now).isInstanceOfSatisfying(LockStatus.Held.class, held -> {
                assertThat(held.owner()).isEqualTo(lock.owner());
                assertThat(held.fence()).isEqualTo(lock.fence());
            });
            assertThat(lock.lost()).isNotDone();
            assertThat(lock.release()).isEqualTo(RunLock.Release.RELEASED);
            assertThat(jana.holder("Step 5", "web-01")).isInstanceOf(LockStatus.Free.class);
        }
    }

    @Test
    void a_late_release_or_renewal_never_frees_the_lock_another_console_took_after_expiry() throws Exception {
        CoordinationKeys keys = incident();
        String key = keys.lock("Step 5", "web-01");
        try (CoordinationRedis a = console(); CoordinationRedis b = console();
             KeyEvents events = KeyEvents.watch(redis)) {
            RunLocks jana = locks(a, keys, "console-a", Duration.ofMillis(300));
            RunLocks ola = locks(b, keys, "console-b", RunLocks.DEFAULT_TTL);
            RunLock stale = ((LockAttempt.Granted) jana.acquire("Step 5", "web-01", "Jana")).lock();
            stale.stopRenewing(); // Jana's console stalls (a long GC pause, a frozen VM)
            events.await(key, "expired", 1);

            LockAttempt.Granted taken = (LockAttempt.Granted) ola.acquire("Step 5", "web-01", "Ola");
            assertThat(taken.replaced()).as("Jana's run is handed over as unknown").hasValueSatisfying(e -> {
                assertThat(e.owner()).isEqualTo(stale.owner());
                assertThat(e.fence()).isEqualTo(stale.fence());
            });
            assertThat(taken.lock().fence()).isGreaterThan(stale.fence());

            assertThat(stale.renew()).as("renewing someone else's lock").isFalse();
            assertThat(stale.lost()).isDone();
            assertThat(stale.release()).isEqualTo(RunLock.Release.HELD_BY_ANOTHER);
            assertThat(ola.holder("Step 5", "web-01")).isInstanceOfSatisfying(LockStatus.Held.class,
                    held -> assertThat(held.owner()).isEqualTo(taken.lock().owner()));
            assertThat(events.count(key, "del")).as("nobody deleted Ola's lock").isZero();

            assertThat(taken.lock().release()).isEqualTo(RunLock.Release.RELEASED);
            assertThat(ola.holder("Step 5", "web-01")).isInstanceOf(LockStatus.Free.class);
            assertThat(ola.expiredUnknown()).isEmpty();
        }
    }

    @Test
    void a_lock_that_expires_without_release_is_reported_unknown_until_someone_acknowledges_it() throws Exception {
        CoordinationKeys keys = incident();
        String key = keys.lock("Step 5", "web-01");
        try (CoordinationRedis a = console(); CoordinationRedis b = console();
             KeyEvents events = KeyEvents.watch(redis)) {
            RunLocks jana = locks(a, keys, "console-a", Duration.ofMillis(300));
            RunLocks ola = locks(b, keys, "console-b", RunLocks.DEFAULT_TTL);
            RunLock lock = ((LockAttempt.Granted) jana.acquire("Step 5", "web-01", "Jana")).lock();
            RunLock other = ((LockAttempt.Granted) jana.acquire("Step 6", "web-01", "Jana")).lock();
            lock.stopRenewing();
            events.await(key, "expired", 1);

            LockStatus seen = ola.holder("Step 5", "web-01");
            assertThat(seen).isInstanceOfSatisfying(LockStatus.ExpiredUnknown.class, e -> {
                assertThat(e.owner()).isEqualTo(lock.owner());
                assertThat(e.fence()).isEqualTo(lock.fence());
            });
            assertThat(seen.describe(ZoneOffset.UTC)).contains("Jana", "Step 5", "web-01", "UNKNOWN");
            assertThat(ola.expiredUnknown()).as("the held Step 6 is not unknown")
                    .extracting(e -> e.owner().step()).containsExactly("Step 5");

            assertThat(ola.acknowledge((LockStatus.ExpiredUnknown) seen)).isTrue();
            assertThat(ola.holder("Step 5", "web-01")).isInstanceOf(LockStatus.Free.class);
            assertThat(ola.acknowledge((LockStatus.ExpiredUnknown) seen)).as("only once").isFalse();
            assertThat(other.release()).isEqualTo(RunLock.Release.RELEASED);
            assertThat(ola.expiredUnknown()).isEmpty();
        }
    }

    @Test
    void the_second_operator_reads_who_runs_the_step_on_the_host_and_since_when() throws Exception {
        CoordinationKeys keys = incident();
        Clock at = Clock.fixed(Instant.parse("2026-11-24T14:02:11Z"), ZoneOffset.UTC);
        try (CoordinationRedis a = console(); CoordinationRedis b = console()) {
            RunLocks jana = new RunLocks(a, keys, "console-a", RunLocks.DEFAULT_TTL, renewer, at);
            RunLocks ola = locks(b, keys, "console-b", RunLocks.DEFAULT_TTL);
            RunLock lock = ((LockAttempt.Granted) jana.acquire("Step 5", "web-01", "Jana")).lock();
            LockAttempt refused = ola.acquire("Step 5", "web-01", "Ola");
            assertThat(refused).isInstanceOfSatisfying(LockAttempt.Refused.class, r -> {
                assertThat(r.holder().describe(ZoneOffset.UTC))
                        .isEqualTo("Jana is running Step 5 on web-01 (since 14:02:11).");
                assertThat(r.holder().remaining()).isPositive().isLessThanOrEqualTo(RunLocks.DEFAULT_TTL);
            });
            assertThat(lock.release()).isEqualTo(RunLock.Release.RELEASED);
            assertThat(ola.holder("Step 5", "web-01").describe(ZoneOffset.UTC))
                    .isEqualTo("Nobody is running Step 5 on web-01.");
        }
    }

    @Test
    void a_coordination_redis_that_is_gone_fails_fast_with_one_sentence() throws Exception {
        try (TestRedis gone = TestRedis.start()) {
            CoordinationEndpoint endpoint = CoordinationEndpoint.plain("127.0.0.1", gone.port());
            gone.stop();
            try (CoordinationRedis link = new CoordinationRedis(endpoint)) {
                RunLocks locks = locks(link, incident(), "console-a", RunLocks.DEFAULT_TTL);
                assertThatThrownBy(() -> locks.acquire("Step 5", "web-01", "Jana"))
                        .isInstanceOf(CoordinationUnavailableException.class).message()
                        .startsWith("the coordination Redis 127.0.0.1:" + gone.port())
                        .contains("not reachable").doesNotContain("\n");
            }
        }
    }
}
