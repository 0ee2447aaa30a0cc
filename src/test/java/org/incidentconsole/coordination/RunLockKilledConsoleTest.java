package org.incidentconsole.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.incidentconsole.testing.KilledChild;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.Test;

/** A console SIGKILLed while it holds a run lock: the lock expires and the others see the run as UNKNOWN. */
class RunLockKilledConsoleTest {

    @Test
    void a_console_killed_while_holding_a_lock_leaves_an_expired_unknown_run_that_the_next_console_takes_over()
            throws Exception {
        String incident = "INC-" + UUID.randomUUID();
        CoordinationKeys keys = new CoordinationKeys(CoordinationEndpoint.DEFAULT_PREFIX, incident);
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor();
        try (TestRedis redis = TestRedis.start(); KeyEvents events = KeyEvents.watch(redis);
             CoordinationRedis link = new CoordinationRedis(CoordinationEndpoint.plain("127.0.0.1", redis.port()))) {
            String key = keys.lock("Step 5", "web-01");
            String fence = KilledChild.killMidStep(LockHoldingConsole.class, String.valueOf(redis.port()), incident,
                    "Step 5", "web-01", "Jana", "1000");

            events.await(key, "expired", 1);
            assertThat(events.count(key, "del")).as("nobody released it").isZero();
            RunLocks ola = new RunLocks(link, keys, "console-b", RunLocks.DEFAULT_TTL, renewer, Clock.systemUTC());
            LockStatus seen = ola.holder("Step 5", "web-01");
            assertThat(seen).isInstanceOfSatisfying(LockStatus.ExpiredUnknown.class, e -> {
                assertThat(e.owner().operator()).isEqualTo("Jana");
                assertThat(e.owner().console()).isEqualTo("child-console");
                assertThat(e.fence()).isEqualTo(Long.parseLong(fence));
            });
            assertThat(seen.describe(ZoneOffset.UTC)).contains("UNKNOWN");
            assertThat(ola.expiredUnknown()).containsExactly((LockStatus.ExpiredUnknown) seen);

            LockAttempt next = ola.acquire("Step 5", "web-01", "Ola");
            assertThat(next).isInstanceOfSatisfying(LockAttempt.Granted.class, g -> {
                assertThat(g.replaced()).contains((LockStatus.ExpiredUnknown) seen);
                assertThat(g.lock().fence()).isGreaterThan(Long.parseLong(fence));
            });
            assertThat(((LockAttempt.Granted) next).lock().release()).isEqualTo(RunLock.Release.RELEASED);
        } finally {
            renewer.shutdownNow();
        }
    }
}
