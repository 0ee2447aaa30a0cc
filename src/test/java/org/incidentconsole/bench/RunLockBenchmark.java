package org.incidentconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.incidentconsole.coordination.CoordinationEndpoint;
import org.incidentconsole.coordination.CoordinationKeys;
import org.incidentconsole.coordination.CoordinationRedis;
import org.incidentconsole.coordination.LockAttempt;
import org.incidentconsole.coordination.RunLock;
import org.incidentconsole.coordination.RunLocks;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A run lock taken and released on loopback, as a step on a host does: acquire (one EVALSHA: SET NX PX, fencing
 * INCR, grant record) then release (one EVALSHA: compare-and-delete). Run with {@code ./mvnw -Pbench verify}.
 */
@Tag("bench")
class RunLockBenchmark {
    private static final int WARM_UP = 2_000;
    private static final int ROUNDS = 10_000;

    @Test
    void acquire_and_release_round_trip_on_loopback() throws Exception {
        ScheduledThreadPoolExecutor renewer = new ScheduledThreadPoolExecutor(1);
        renewer.setRemoveOnCancelPolicy(true);
        try (TestRedis redis = TestRedis.start();
             CoordinationRedis link = new CoordinationRedis(CoordinationEndpoint.plain("127.0.0.1", redis.port()))) {
            RunLocks locks = new RunLocks(link, new CoordinationKeys(CoordinationEndpoint.DEFAULT_PREFIX, "INC-bench"),
                    "console-a", RunLocks.DEFAULT_TTL, renewer, Clock.systemUTC());
            for (int i = 0; i < WARM_UP; i++) {
                round(locks, i);
            }
            long[] acquire = new long[ROUNDS];
            long[] release = new long[ROUNDS];
            long[] both = new long[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                String host = "web-" + (i % 50);
                long t0 = System.nanoTime();
                LockAttempt attempt = locks.acquire("Step 5", host, "Jana");
                long t1 = System.nanoTime();
                assertThat(attempt).isInstanceOf(LockAttempt.Granted.class);
                assertThat(((LockAttempt.Granted) attempt).lock().release()).isEqualTo(RunLock.Release.RELEASED);
                long t2 = System.nanoTime();
                acquire[i] = t1 - t0;
                release[i] = t2 - t1;
                both[i] = t2 - t0;
            }
            String report = String.format("| run lock on loopback redis-server, %,d rounds after %,d warm-up "
                            + "| median µs | p99 µs |%n|---|---|---|%n"
                            + "| acquire (SET NX PX + fencing INCR + grant, one EVALSHA) | %s | %s |%n"
                            + "| release (compare-and-delete, one EVALSHA) | %s | %s |%n"
                            + "| acquire + release round trip | %s | %s |%n",
                    ROUNDS, WARM_UP, micros(acquire, 50), micros(acquire, 99), micros(release, 50),
                    micros(release, 99), micros(both, 50), micros(both, 99));
            Path out = Path.of("target", "bench", "run-locks.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
        } finally {
            renewer.shutdownNow();
        }
    }

    private static void round(RunLocks locks, int i) throws Exception {
        LockAttempt attempt = locks.acquire("Step 5", "web-" + (i % 50), "Jana");
        ((LockAttempt.Granted) attempt).lock().release();
    }

    private static String micros(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return String.format("%.0f", sorted[index] / 1_000.0);
    }
}
