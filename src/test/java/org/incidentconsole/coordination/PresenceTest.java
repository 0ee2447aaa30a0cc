package org.incidentconsole.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.Jedis;

/** Presence against a real redis-server: entries appear, refresh and expire; the commander role moves. */
class PresenceTest {
    private static TestRedis redis;
    private static ScheduledExecutorService scheduler;
    private static CoordinationRedis link;
    private final CoordinationKeys keys = new CoordinationKeys(CoordinationEndpoint.DEFAULT_PREFIX,
            "INC-" + UUID.randomUUID());

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.start();
        scheduler = Executors.newScheduledThreadPool(2);
        link = new CoordinationRedis(CoordinationEndpoint.plain("127.0.0.1", redis.port()));
    }

    @AfterAll
    static void stop() throws Exception {
        link.close();
        scheduler.shutdownNow();
        redis.close();
    }

    private Presence console(String id, Duration ttl) {
        return new Presence(link, keys, id, ttl, Clock.systemUTC());
    }

    @Test
    void a_console_appears_with_what_it_does_and_disappears_when_its_entry_expires() throws Exception {
        Presence jana = console("console-a", Presence.DEFAULT_TTL);
        Presence ola = console("console-b", Duration.ofMillis(400));
        try (KeyEvents events = KeyEvents.watch(redis)) {
            jana.join("Jana", Role.INCIDENT_COMMANDER);
            ola.join("Ola", Role.OPERATOR);
            ola.doing("Step 5", List.of("web-01", "web-02"));

            assertThat(jana.present()).extracting(PresenceEntry::describe).containsExactly(
                    "Jana (incident-commander)", "Ola (operator): Step 5 on web-01, web-02");

            events.await(keys.presence("console-b"), "expired", 1); // Ola's console stopped refreshing
            assertThat(jana.present()).extracting(PresenceEntry::operator).containsExactly("Jana");
            try (Jedis direct = redis.direct()) {
                assertThat(direct.smembers(keys.present())).as("the index forgets it too").containsOnly("console-a");
            }
        }
    }

    @Test
    void a_refreshed_entry_outlives_its_ttl_and_leaving_removes_it_at_once() throws Exception {
        Presence jana = console("console-a", Presence.DEFAULT_TTL);
        Presence ola = console("console-b", Duration.ofMillis(1500));
        String key = keys.presence("console-b");
        try (KeyEvents events = KeyEvents.watch(redis)) {
            jana.join("Jana", Role.INCIDENT_COMMANDER);
            ola.join("Ola", Role.SCRIBE);
            ola.keepAlive(scheduler);
            events.await(key, "set", 8); // refreshed every 500 ms: 7 refreshes span more than two TTLs
            assertThat(events.count(key, "expired")).isZero();
            assertThat(jana.present()).extracting(PresenceEntry::describe).contains("Ola (scribe)");

            ola.leave();
            assertThat(jana.present()).extracting(PresenceEntry::operator).containsExactly("Jana");
            events.await(key, "del", 1); // keyspace notifications arrive on their own connection, after the reply
            assertThat(events.count(key, "del")).isEqualTo(1);
            assertThat(events.count(key, "expired")).as("left, not expired").isZero();
        }
    }

    @Test
    void the_commander_hands_over_to_someone_present_and_only_the_commander_can() throws Exception {
        Presence jana = console("console-a", Presence.DEFAULT_TTL);
        Presence ola = console("console-b", Presence.DEFAULT_TTL);
        assertThat(jana.join("Jana", Role.INCIDENT_COMMANDER).role()).isEqualTo(Role.INCIDENT_COMMANDER);
        assertThat(ola.join("Ola", Role.INCIDENT_COMMANDER).role()).as("the seat is taken")
                .isEqualTo(Role.OPERATOR);

        assertThatThrownBy(() -> jana.handOver("Jana", "Kim")).isInstanceOf(CoordinationRefusedException.class)
                .hasMessage("Kim does not have the incident open: only someone present can become incident commander.");
        assertThatThrownBy(() -> ola.handOver("Ola", "Ola")).isInstanceOf(CoordinationRefusedException.class)
                .hasMessage("Only the incident commander (Jana) can hand the role over.");

        CommanderHandOver handOver = jana.handOver("Jana", "ola");
        assertThat(handOver).extracting(CommanderHandOver::from, CommanderHandOver::to, CommanderHandOver::by)
                .containsExactly("Jana", "Ola", "Jana");
        assertThat(ola.commander()).contains("Ola");
        assertThat(jana.present()).extracting(PresenceEntry::describe)
                .containsExactly("Jana (operator)", "Ola (incident-commander)");
    }

    @Test
    void when_the_commanders_console_is_gone_someone_present_takes_the_role() throws Exception {
        Presence jana = console("console-a", Presence.DEFAULT_TTL);
        Presence ola = console("console-b", Presence.DEFAULT_TTL);
        jana.join("Jana", Role.INCIDENT_COMMANDER);
        ola.join("Ola", Role.OPERATOR);
        jana.leave();
        CommanderHandOver taken = ola.handOver("Ola", "Ola");
        assertThat(taken.from()).isEqualTo("Jana");
        assertThat(taken.to()).isEqualTo("Ola");
        assertThat(ola.present()).extracting(PresenceEntry::describe).containsExactly("Ola (incident-commander)");
    }

    @ParameterizedTest(name = "\"{0}\" is {1}, may approve: {2}")
    @CsvSource({
            "incident-commander, INCIDENT_COMMANDER, true",
            "Incident Commander, INCIDENT_COMMANDER, true",
            "operator,           OPERATOR,           true",
            "comms,              COMMS,              false",
            "scribe,             SCRIBE,             false",
            "observer,           OBSERVER,           false"})
    void roles_are_read_from_their_labels_and_only_operators_and_the_commander_approve(String label, Role role,
                                                                                     boolean mayApprove) {
        assertThat(Role.fromLabel(label)).isEqualTo(role);
        assertThat(role.mayApprove()).isEqualTo(mayApprove);
    }

    @Test
    void an_unknown_role_is_named_with_the_ones_expected() {
        assertThatThrownBy(() -> Role.fromLabel("captain")).hasMessage(
                "expected a role: incident-commander, operator, comms, scribe, observer; got \"captain\"");
    }
}
