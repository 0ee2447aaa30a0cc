package org.incidentconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.coordination.CoordinationEndpoint;
import org.incidentconsole.coordination.MergedTimeline;
import org.incidentconsole.coordination.SharedEvent;
import org.incidentconsole.coordination.SharedTimeline;
import org.incidentconsole.coordination.TimelineFollower;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.Journal;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared timeline on loopback: an event journaled on one console → handed to another console's follower
 * (median and p99 over 2,000 events, one at a time), and 10 consoles × 1,000 events each at once → the merged
 * timelines identical everywhere. Run with {@code ./mvnw -Pbench verify}; figures in target/bench/shared-timeline.md.
 */
@Tag("bench")
class SharedTimelineBenchmark {
    private static final int EVENTS = 2_000;
    private static final int WARM_UP = 200;
    private static final int CONSOLES = 10;
    private static final int EACH = 1_000;

    @TempDir
    Path dir;

    @Test
    void latency_between_two_consoles_and_ten_consoles_merging() throws Exception {
        try (TestRedis redis = TestRedis.start()) {
            CoordinationEndpoint endpoint = CoordinationEndpoint.plain("127.0.0.1", redis.port());
            long[] latency = latency(endpoint);
            long[] appendToSeen = lastTotals;
            Merge merge = tenConsoles(endpoint);
            String report = String.format("| shared timeline on loopback (redis-server 6.2, embedded) | value |%n"
                            + "|---|---|%n"
                            + "| journaled on one console → handed to another: median (%,d events, one at a time) | %.2f ms |%n"
                            + "| the same: p99 | %.2f ms |%n"
                            + "| the same: max | %.2f ms |%n"
                            + "| journal append + fsync + share → seen: median | %.2f ms |%n"
                            + "| journal append + fsync + share → seen: p99 | %.2f ms |%n"
                            + "| %d consoles × %,d events at once: until every merged timeline held all %,d | %,d ms |%n"
                            + "| merged timelines identical on all %d consoles | %s |%n",
                    EVENTS, ms(pct(latency, 50)), ms(pct(latency, 99)), ms(latency[latency.length - 1]),
                    ms(pct(appendToSeen, 50)), ms(pct(appendToSeen, 99)),
                    CONSOLES, EACH, CONSOLES * EACH, merge.millis(), CONSOLES, merge.identical() ? "yes" : "NO");
            Path out = Path.of("target", "bench", "shared-timeline.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
            assertThat(merge.identical()).isTrue();
        }
    }

    private long[] lastTotals;

    private long[] latency(CoordinationEndpoint endpoint) throws Exception {
        ConcurrentHashMap<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Long> seenAt = new ConcurrentHashMap<>();
        long[] share = new long[EVENTS];
        long[] total = new long[EVENTS];
        try (Journal journal = Journal.create(dir.resolve("jana"), Clock.systemUTC());
             SharedTimeline jana = new SharedTimeline(endpoint, "INC-bench", "console-jana", journal.file());
             TimelineFollower omar = new TimelineFollower(endpoint, "INC-bench", e -> {
                 seenAt.put(e.eid(), System.nanoTime());
                 waiting.get(e.eid()).countDown();
             })) {
            for (int i = 0; i < WARM_UP + EVENTS; i++) {
                long t0 = System.nanoTime();
                JournalRecord r = journal.append(new IncidentEvent.NoteAdded("note " + i, "Jana")).join();
                String eid = "console-jana#" + r.seq();
                CountDownLatch seen = new CountDownLatch(1);
                waiting.put(eid, seen);
                long t1 = System.nanoTime();
                jana.publish(r, "Jana");
                assertThat(seen.await(60, TimeUnit.SECONDS)).as("event " + eid + " seen").isTrue();
                if (i >= WARM_UP) {
                    share[i - WARM_UP] = seenAt.get(eid) - t1;
                    total[i - WARM_UP] = seenAt.get(eid) - t0;
                }
            }
        }
        Arrays.sort(share);
        Arrays.sort(total);
        lastTotals = total;
        return share;
    }

    private record Merge(long millis, boolean identical) {
    }

    private Merge tenConsoles(CoordinationEndpoint endpoint) throws Exception {
        List<Journal> journals = new ArrayList<>();
        List<SharedTimeline> timelines = new ArrayList<>();
        List<TimelineFollower> followers = new ArrayList<>();
        List<MergedTimeline> merged = new ArrayList<>();
        CountDownLatch complete = new CountDownLatch(CONSOLES);
        ExecutorService writers = Executors.newFixedThreadPool(CONSOLES);
        try {
            for (int c = 0; c < CONSOLES; c++) {
                Journal journal = Journal.create(dir.resolve("console-" + c), Clock.systemUTC());
                journals.add(journal);
                timelines.add(new SharedTimeline(endpoint, "INC-ten", "console-" + c, journal.file()));
                MergedTimeline m = new MergedTimeline();
                merged.add(m);
                followers.add(new TimelineFollower(endpoint, "INC-ten", (SharedEvent e) -> {
                    if (m.add(e) && m.size() == CONSOLES * EACH) {
                        complete.countDown();
                    }
                }));
            }
            long t0 = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 0; c < CONSOLES; c++) {
                int console = c;
                runs.add(writers.submit(() -> {
                    for (int i = 0; i < EACH; i++) {
                        JournalRecord r = journals.get(console).append(
                                new IncidentEvent.NoteAdded("console " + console + " note " + i, "op" + console)).join();
                        timelines.get(console).publish(r, "op" + console);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(10, TimeUnit.MINUTES);
            }
            assertThat(complete.await(10, TimeUnit.MINUTES)).as("every console merged every event").isTrue();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            List<String> reference = merged.get(0).eids();
            boolean identical = reference.size() == CONSOLES * EACH
                    && merged.stream().allMatch(m -> m.eids().equals(reference));
            return new Merge(millis, identical);
        } finally {
            writers.shutdownNow();
            followers.forEach(TimelineFollower::close);
            timelines.forEach(SharedTimeline::close);
            journals.forEach(Journal::close);
        }
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
