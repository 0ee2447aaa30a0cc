package org.incidentconsole.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.Journal;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.ReplyCuttingProxy;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/** Two consoles in one JVM share an incident through a real redis-server. */
class SharedTimelineTest {
    private static TestRedis redis;
    private static CoordinationEndpoint endpoint;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = TestRedis.start();
        endpoint = CoordinationEndpoint.plain("127.0.0.1", redis.port());
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @Test
    void each_consoles_events_appear_in_the_others_merged_timeline_in_the_same_order() throws Exception {
        try (TestConsole jana = new TestConsole(dir, endpoint, "INC-two", "console-jana", "Jana");
             TestConsole omar = new TestConsole(dir, endpoint, "INC-two", "console-omar", "Omar")) {
            List<String> janas = new ArrayList<>();
            List<String> omars = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                janas.add(jana.eid(jana.note("jana " + i)));
                omars.add(omar.eid(omar.note("omar " + i)));
            }
            jana.awaitMerged(80);
            omar.awaitMerged(80);

            assertThat(jana.merged.eids()).isEqualTo(omar.merged.eids()).containsAll(janas).containsAll(omars)
                    .hasSize(80);
            assertThat(jana.merged.eids().stream().filter(janas::contains).toList())
                    .as("a console's events keep their journal order").isEqualTo(janas);
            assertThat(jana.arrivals).as("the follower hands events in stream order")
                    .isEqualTo(jana.merged.eids());
            SharedEvent first = omar.merged.events().stream().filter(e -> e.eid().equals(janas.get(0))).findFirst()
                    .orElseThrow();
            assertThat(first.console()).isEqualTo("console-jana");
            assertThat(first.operator()).isEqualTo("Jana");
            assertThat(first.event()).isEqualTo(new IncidentEvent.NoteAdded("jana 0", "Jana"));
            assertThat(first.streamId()).isEqualTo(first.position());
            assertThat(jana.timeline.state()).isEqualTo(new ShareState(true, 0, null, 40));
            assertThat(jana.timeline.state().describe()).isEqualTo("shared timeline online");
        }
    }

    @Test
    void an_entry_written_twice_after_a_lost_reply_is_handed_once() throws Exception {
        try (TestConsole jana = new TestConsole(dir, endpoint, "INC-retry", "console-jana", "Jana");
             TestConsole omar = new TestConsole(dir, endpoint, "INC-retry", "console-omar", "Omar")) {
            String once = jana.eid(jana.note("restarting web-01"));
            jana.awaitShared(1);
            String key = endpoint.eventsKey("INC-retry");
            try (Jedis j = redis.direct()) { // what a retry after a lost reply leaves: the same fields again
                StreamEntry sent = j.xrange(key, "-", "+", 1).get(0);
                j.xadd(key, XAddParams.xAddParams(), sent.getFields());
            }
            String next = jana.eid(jana.note("web-01 is back"));
            omar.awaitMerged(2);
            jana.awaitMerged(2);

            assertThat(omar.arrivals).containsExactly(once, next);
            assertThat(jana.arrivals).containsExactly(once, next);
        }
    }

    @Test
    void a_reply_lost_on_the_network_is_retried_and_the_copy_is_handed_once() throws Exception {
        try (ReplyCuttingProxy proxy = new ReplyCuttingProxy(redis.port());
             TestConsole omar = new TestConsole(dir, endpoint, "INC-lost", "console-omar", "Omar")) {
            CoordinationEndpoint throughProxy = CoordinationEndpoint.plain("127.0.0.1", proxy.port());
            try (Journal journal = Journal.create(dir.resolve("jana"), Clock.systemUTC());
                 SharedTimeline jana = new SharedTimeline(throughProxy, "INC-lost", "console-jana",
                         journal.file())) {
                CountDownLatch online = new CountDownLatch(1);
                jana.addStateListener(s -> {
                    if (s.online()) {
                        online.countDown();
                    }
                });
                assertThat(online.await(60, TimeUnit.SECONDS)).isTrue();
                proxy.cutNextReply(); // nothing is acknowledged yet, so the publisher sends nothing until the XADD
                JournalRecord r = journal.append(new IncidentEvent.NoteAdded("failing over", "Jana")).join();
                jana.publish(r, "Jana");
                assertThat(proxy.cut().await(60, TimeUnit.SECONDS)).as("the XADD's reply was dropped").isTrue();
                JournalRecord r2 = journal.append(new IncidentEvent.NoteAdded("failed over", "Jana")).join();
                jana.publish(r2, "Jana");
                omar.awaitMerged(2);

                try (Jedis j = redis.direct()) {
                    assertThat(j.xrange(endpoint.eventsKey("INC-lost"), "-", "+"))
                            .extracting(e -> e.getFields().get("eid"))
                            .as("the stream holds the retried event twice")
                            .containsExactly("console-jana#1", "console-jana#1", "console-jana#2");
                }
                assertThat(omar.arrivals).containsExactly("console-jana#1", "console-jana#2");
                assertThat(jana.state().acknowledged()).isEqualTo(2);
            }
        }
    }

    @Test
    void entries_that_are_not_readable_events_are_skipped_and_the_rest_follows() throws Exception {
        String key = endpoint.eventsKey("INC-foreign");
        try (Jedis j = redis.direct()) {
            j.xadd(key, XAddParams.xAddParams(), Map.of("hello", "world"));
            j.xadd(key, XAddParams.xAddParams(), Map.of("eid", "future#1", "console", "future", "json",
                    "{\"seq\":1,\"ts\":\"2026-01-01T00:00:00Z\",\"v\":2,\"type\":\"hologram\",\"data\":{}}"));
            j.xadd(key, XAddParams.xAddParams(), Map.of("eid", "broken#1", "console", "broken", "json", "{not json"));
        }
        try (TestConsole jana = new TestConsole(dir, endpoint, "INC-foreign", "console-jana", "Jana")) {
            String note = jana.eid(jana.note("only this one"));
            jana.awaitMerged(1);
            assertThat(jana.arrivals).containsExactly(note);
        }
    }

    @Test
    void a_session_attached_shares_what_it_journals_signed_by_who_acted() throws Exception {
        IncidentStore store = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC());
        List<SharedEvent> seen = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        try (IncidentSession session = store.start("checkout down", "alert", Severity.P1, "drill", "Jana", null,
                "UTC");
             SharedTimeline shared = new SharedTimeline(endpoint, session.id(), "console-jana", session.journalFile());
             TimelineFollower follower = new TimelineFollower(endpoint, session.id(), e -> {
                 seen.add(e);
                 two.countDown();
             })) {
            shared.attach(session);
            session.record(new IncidentEvent.NoteAdded("db failover started", null)).join();
            session.record(new IncidentEvent.Milestone("mitigated", "traffic back")).join();

            assertThat(two.await(60, TimeUnit.SECONDS)).as("both events shared, saw " + seen).isTrue();
            assertThat(seen).extracting(SharedEvent::event).containsExactly(
                    new IncidentEvent.NoteAdded("db failover started", "Jana"),
                    new IncidentEvent.Milestone("mitigated", "traffic back"));
            assertThat(seen).extracting(SharedEvent::operator).containsExactly("Jana", "Jana");
            assertThat(seen).extracting(SharedEvent::localSeq).containsExactly(2L, 3L); // 1 is the start, before the attach
        }
    }

    static Stream<String> destructivePatterns() {
        BreakerSettings defaults = BreakerSettings.defaults();
        Stream<String> breakerKeys = defaults.schemes().stream()
                .flatMap(s -> Stream.of(s.state(), s.failures(), s.openedAt(), s.lastFailure()))
                .map(k -> k.replace("{service}", "*"));
        // the shapes runbooks DEL with: whole families, one companion key, any rate limiter
        Stream<String> runbookShapes = Stream.of("circuit_breaker:*", "*:state", "*:failures", "*_rate_limit:*",
                "*rate_limit*", "*breaker*");
        return Stream.of(breakerKeys, defaults.rateLimitPatterns().stream(), runbookShapes).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("destructivePatterns")
    void every_key_lives_under_the_prefix_that_no_breaker_or_rate_limit_pattern_matches(String pattern)
            throws Exception {
        try (TestConsole jana = new TestConsole(dir, endpoint, "INC-keys", "console-jana", "Jana")) {
            jana.note("anything");
            jana.awaitShared(1);
        }
        try (Jedis j = redis.direct()) {
            assertThat(j.keys(CoordinationEndpoint.DEFAULT_PREFIX + "*"))
                    .contains(endpoint.eventsKey("INC-keys"));
            assertThat(j.keys(pattern)).as("keys matching " + pattern)
                    .noneMatch(k -> k.startsWith(CoordinationEndpoint.DEFAULT_PREFIX));
        }
    }

    @Test
    void stream_entries_carry_eid_console_operator_time_and_the_journal_line() throws Exception {
        try (TestConsole jana = new TestConsole(dir, endpoint, "INC-fields", "console-jana", "Jana")) {
            var record = jana.note("checking the queue");
            jana.awaitShared(1);
            try (Jedis j = redis.direct()) {
                StreamEntry entry = j.xrange(endpoint.eventsKey("INC-fields"), (StreamEntryID) null, null).get(0);
                Map<String, String> fields = new LinkedHashMap<>(entry.getFields());
                assertThat(fields).containsOnlyKeys("eid", "console", "operator", "ts", "json")
                        .containsEntry("eid", "console-jana#" + record.seq())
                        .containsEntry("console", "console-jana")
                        .containsEntry("operator", "Jana")
                        .containsEntry("ts", record.ts().toString());
                assertThat(fields.get("json")).contains("\"type\":\"note\"", "checking the queue");
            }
        }
    }
}
