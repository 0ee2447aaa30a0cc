package org.incidentconsole.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.incidentconsole.testing.DurableRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.resps.StreamEntry;

/** The coordination Redis goes away mid-incident (SIGKILL) and comes back: nothing acknowledged lost or repeated. */
class CoordinationRestartTest {
    private static final String INCIDENT = "INC-restart";

    @TempDir
    Path dir;

    @Test
    void killed_and_restarted_with_its_append_only_file_loses_and_repeats_nothing() throws Exception {
        try (DurableRedis redis = DurableRedis.appendOnly(dir.resolve("redis"))) {
            CoordinationEndpoint endpoint = CoordinationEndpoint.plain("127.0.0.1", redis.port());
            try (TestConsole jana = new TestConsole(dir, endpoint, INCIDENT, "console-jana", "Jana");
                 TestConsole omar = new TestConsole(dir, endpoint, INCIDENT, "console-omar", "Omar")) {
                List<String> janas = new ArrayList<>();
                List<String> omars = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    janas.add(jana.eid(jana.note("before " + i)));
                    omars.add(omar.eid(omar.note("before " + i)));
                }
                jana.awaitShared(20);
                omar.awaitShared(20);
                for (int i = 0; i < 10; i++) { // in flight when the server dies: some sent, some replies lost
                    janas.add(jana.eid(jana.note("in flight " + i)));
                    omars.add(omar.eid(omar.note("in flight " + i)));
                }

                redis.kill();
                jana.awaitOffline();
                for (int i = 0; i < 10; i++) {
                    janas.add(jana.eid(jana.note("while down " + i)));
                    omars.add(omar.eid(omar.note("while down " + i)));
                }
                omar.awaitOffline();
                ShareState down = jana.timeline.state();
                assertThat(down.waiting()).as("what waits: at least the events journaled while down, "
                        + "at most every event not acknowledged").isBetween(10, 30 - down.acknowledged() + 10);
                assertThat(down.describe()).isEqualTo("shared timeline offline, " + down.waiting() + " events waiting");
                assertThat(down.problem()).startsWith("the coordination Redis 127.0.0.1:" + redis.port()
                        + "/0 is unreachable");
                redis.start();

                jana.awaitShared(40);
                omar.awaitShared(40);
                jana.awaitMerged(80);
                omar.awaitMerged(80);
                assertSharedOnce(redis, List.of(jana, omar), janas, omars);
            }
        }
    }

    /**
     * The Redis comes back from a data file saved earlier ({@code snapshotAfter} events per console before the
     * SAVE; 0: a data file of an empty Redis): the events after it are gone from the stream, and each console
     * re-publishes its own from its local journal.
     */
    @ParameterizedTest(name = "data file saved after {0} events per console")
    @ValueSource(ints = {15, 0})
    void restarted_from_an_older_data_file_loses_and_repeats_nothing(int snapshotAfter) throws Exception {
        try (DurableRedis redis = DurableRedis.snapshotsOnly(dir.resolve("redis"))) {
            CoordinationEndpoint endpoint = CoordinationEndpoint.plain("127.0.0.1", redis.port());
            try (TestConsole jana = new TestConsole(dir, endpoint, INCIDENT, "console-jana", "Jana");
                 TestConsole omar = new TestConsole(dir, endpoint, INCIDENT, "console-omar", "Omar")) {
                List<String> janas = new ArrayList<>();
                List<String> omars = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    if (i == snapshotAfter) {
                        jana.awaitShared(i);
                        omar.awaitShared(i);
                        redis.snapshot();
                    }
                    janas.add(jana.eid(jana.note("step " + i)));
                    omars.add(omar.eid(omar.note("step " + i)));
                }
                jana.awaitShared(30);
                omar.awaitShared(30);
                jana.awaitMerged(60);
                omar.awaitMerged(60);

                redis.kill();
                redis.start();
                try (Jedis j = redis.direct()) {
                    assertThat(j.xlen(endpoint.eventsKey(INCIDENT))).as("the stream came back shorter")
                            .isEqualTo(2L * snapshotAfter);
                }
                for (int i = 0; i < 5; i++) {
                    janas.add(jana.eid(jana.note("after " + i)));
                    omars.add(omar.eid(omar.note("after " + i)));
                }
                jana.awaitShared(35);
                omar.awaitShared(35);
                jana.awaitMerged(70);
                omar.awaitMerged(70);

                try (TestConsole late = new TestConsole(dir, endpoint, INCIDENT, "console-late", "Lee")) {
                    late.awaitMerged(70);
                    assertSharedOnce(redis, List.of(jana, omar, late), janas, omars);
                }
            }
        }
    }

    private static void assertSharedOnce(DurableRedis redis, List<TestConsole> consoles, List<String> janas,
                                         List<String> omars) {
        List<String> reference = consoles.get(0).merged.eids();
        assertThat(reference).hasSize(janas.size() + omars.size()).containsAll(janas).containsAll(omars);
        assertThat(reference.stream().filter(janas::contains).toList()).as("Jana's events in journal order")
                .isEqualTo(janas);
        assertThat(reference.stream().filter(omars::contains).toList()).as("Omar's events in journal order")
                .isEqualTo(omars);
        for (TestConsole c : consoles) {
            assertThat(c.merged.eids()).as(c.id + "'s merged timeline").isEqualTo(reference);
            assertThat(c.arrivals).as(c.id + " was handed each event once").doesNotHaveDuplicates()
                    .hasSameSizeAs(reference);
        }
        try (Jedis j = redis.direct()) {
            Set<String> inStream = new HashSet<>();
            for (StreamEntry e : j.xrange(CoordinationEndpoint.DEFAULT_PREFIX + "incident:" + INCIDENT + ":events",
                    "-", "+")) {
                inStream.add(e.getFields().get("eid"));
            }
            assertThat(inStream).as("the stream holds every acknowledged event").containsAll(reference);
        }
    }
}
