package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM appends to the journal in a loop and is killed with SIGKILL at random moments, 50 times. After
 * each kill, every record the child was told is on disk must load, and the journal must stay loadable.
 */
class JournalCrashTest {
    private static final int KILLS = 50;

    @TempDir
    Path root;

    @Test
    void records_acknowledged_before_a_sigkill_always_survive() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        String id = null;
        long totalAcked = 0;
        int tornTails = 0;
        for (int round = 1; round <= KILLS; round++) {
            ProcessBuilder pb = id == null
                    ? new ProcessBuilder(java, "-cp", classpath, JournalCrashChild.class.getName(), root.toString())
                    : new ProcessBuilder(java, "-cp", classpath, JournalCrashChild.class.getName(), root.toString(), id);
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process child = pb.start();
            int killAfter = 1 + random.nextInt(40);
            AtomicLong acked = new AtomicLong(-1);
            AtomicReference<String> childId = new AtomicReference<>();
            CountDownLatch enough = new CountDownLatch(1);
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    int acks = 0;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("ID ")) {
                            childId.set(line.substring(3));
                        } else if (line.startsWith("ACK ")) {
                            acked.set(Long.parseLong(line.substring(4)));
                            if (++acks >= killAfter) {
                                enough.countDown();
                            }
                        }
                    }
                } catch (IOException e) {
                    // the child died: its stdout closed
                }
                enough.countDown();
            });
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("round " + round + ": child acknowledged writes").isTrue();
            child.destroyForcibly(); // SIGKILL while it keeps writing
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.get(30, TimeUnit.SECONDS);
            id = childId.get();
            assertThat(id).as("round " + round + " (seed " + seed + ")").isNotNull();

            JournalReader.Loaded loaded = JournalReader.read(root.resolve(id).resolve(Journal.FILE_NAME));
            long lastOnDisk = loaded.records().get(loaded.records().size() - 1).seq();
            assertThat(lastOnDisk).as("round " + round + " (seed " + seed + "): every acknowledged record survives")
                    .isGreaterThanOrEqualTo(acked.get());
            assertThat(loaded.records()).extracting(JournalRecord::seq).as("no gap")
                    .endsWith(lastOnDisk).hasSize((int) lastOnDisk);
            if (loaded.tornTail()) {
                tornTails++;
            }
            totalAcked = acked.get();
        }
        assertThat(totalAcked).isGreaterThan(KILLS);
        System.out.printf("crash test: %d kills, %d records acknowledged, %d torn tails recovered (seed %d)%n",
                KILLS, totalAcked, tornTails, seed);
    }
}
