package org.incidentconsole.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incidentconsole.notify.Attempt.Result;
import org.incidentconsole.notify.StatuspageServer.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status page as a courier channel, driven through the incident's lifecycle on a loopback Statuspage. */
class StatusPageSenderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> IDS = List.of("8kbf7d35c070", "vtnh60py4yd7");

    StatuspageFixture fixture;
    StatusPageSender sender;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new StatuspageFixture();
        sender = new StatusPageSender(fixture.settings, fixture.secrets());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static Outgoing message(String phase, String text) {
        Map<String, String> facts = new HashMap<>(Map.of("title", "Checkout errors", "severity", "SEV2"));
        if (phase != null) {
            facts.put("phase", phase);
        }
        return new Outgoing("[SEV2] Checkout errors", text, facts);
    }

    /** One row per message of the incident: the phase sent, its text, the component status every component gets. */
    private static final List<List<String>> LIFECYCLE = List.of(
            List.of("investigating", "We are looking into failed checkouts.", "major_outage"),
            List.of("identified", "A bad deploy is the cause; rolling back.", "major_outage"),
            List.of("monitoring", "Rolled back; watching the error rate.", "degraded_performance"),
            List.of("resolved", "Checkouts work again.", "operational"));

    @Test
    void the_first_message_opens_the_incident_and_the_next_ones_move_it_through_the_lifecycle() throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        List<Long> micros = new ArrayList<>();
        for (List<String> row : LIFECYCLE) {
            long start = System.nanoTime();
            attempts.add(sender.send(message(row.get(0), row.get(1))));
            micros.add((System.nanoTime() - start) / 1000);
        }
        System.out.println("status page send-to-delivered on loopback, µs per call (create, then updates): " + micros);

        assertThat(attempts).extracting(Attempt::result).containsOnly(Result.DELIVERED);
        assertThat(attempts).extracting(Attempt::ref).containsOnly("inc1x7q");
        assertThat(sender.ref()).contains("inc1x7q");
        List<Received> calls = fixture.server.received();
        assertThat(calls).hasSize(LIFECYCLE.size());
        for (int i = 0; i < LIFECYCLE.size(); i++) {
            List<String> row = LIFECYCLE.get(i);
            Received call = calls.get(i);
            JsonNode incident = call.incident();
            assertThat(call.method() + " " + call.path()).as("call %d", i).isEqualTo(i == 0
                    ? "POST /v1/pages/kctbh9vrtdwd/incidents" : "PATCH /v1/pages/kctbh9vrtdwd/incidents/inc1x7q");
            assertThat(call.authorization()).isEqualTo("OAuth " + fixture.token);
            assertThat(incident.path("status").asText()).as("call %d", i).isEqualTo(row.get(0));
            assertThat(incident.path("body").asText()).as("call %d", i).isEqualTo(row.get(1));
            assertThat(incident.path("components")).as("call %d", i).isEqualTo(JSON.valueToTree(
                    Map.of(IDS.get(0), row.get(2), IDS.get(1), row.get(2))));
            assertThat(incident.path("component_ids")).as("call %d", i).isEqualTo(JSON.valueToTree(IDS));
            assertThat(incident.has("name")).as("only the create names the incident").isEqualTo(i == 0);
            assertThat(incident.has("deliver_notifications")).isEqualTo(i == 0);
        }
        assertThat(calls.get(0).incident().path("name").asText()).isEqualTo("Checkout errors");
        assertThat(calls.get(0).incident().path("deliver_notifications").asBoolean()).isTrue();
        assertThat(fixture.server.incidents().get("inc1x7q").path("status").asText()).isEqualTo("resolved");
        assertThat(fixture.logLines()).as(fixture.seedNote()).noneMatch(l -> l.contains(fixture.token));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"INVESTIGATING, major_outage", "IDENTIFIED, major_outage", "MONITORING, degraded_performance",
            "RESOLVED, operational"})
    void every_component_gets_the_status_of_the_phase(StatusPhase phase, String componentStatus) {
        assertThat(sender.post(message(phase.label(), "x"), phase).components())
                .isEqualTo(Map.of(IDS.get(0), componentStatus, IDS.get(1), componentStatus));
    }

    @Test
    void another_component_table_can_be_given() throws Exception {
        Map<StatusPhase, String> gentle = Map.of(StatusPhase.INVESTIGATING, "partial_outage",
                StatusPhase.IDENTIFIED, "partial_outage", StatusPhase.MONITORING, "operational",
                StatusPhase.RESOLVED, "operational");
        StatusPageSender custom = new StatusPageSender(fixture.page(), List.of("vtnh60py4yd7"), gentle, null);

        custom.send(message("identified", "Found it."));

        assertThat(fixture.server.received().get(0).incident().path("components"))
                .isEqualTo(JSON.valueToTree(Map.of("vtnh60py4yd7", "partial_outage")));
        assertThatThrownBy(() -> new StatusPageSender(fixture.page(), IDS, Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no component status for investigating");
    }

    @Test
    void without_a_phase_fact_the_incident_s_status_is_the_phase() throws Exception {
        Outgoing byStatus = new Outgoing("s", "Found it.", Map.of("title", "Checkout errors", "status", "IDENTIFIED"));

        assertThat(sender.send(byStatus).result()).isEqualTo(Result.DELIVERED);

        assertThat(fixture.server.received().get(0).incident().path("status").asText()).isEqualTo("identified");
    }

    @ParameterizedTest(name = "phase {0}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "none   | no status page phase (investigating, identified, monitoring or resolved)",
            "closed | not a status page phase: \"closed\" (investigating, identified, monitoring or resolved)"})
    void a_message_without_a_known_phase_fails_before_calling_the_page(String phase, String reason) throws Exception {
        assertThat(sender.send(message(phase, "x"))).isEqualTo(Attempt.failed(null, reason));
        assertThat(sender.preview(message(phase, "x"))).isEqualTo(reason);
        assertThat(fixture.server.received()).isEmpty();
    }

    @Test
    void an_incident_without_a_title_is_not_opened() throws Exception {
        Outgoing untitled = new Outgoing(" ", "x", Map.of("phase", "investigating"));

        assertThat(sender.send(untitled)).isEqualTo(Attempt.failed(null, "no title for the status page incident"));
        assertThat(fixture.server.received()).isEmpty();
    }

    @Test
    void the_subject_titles_the_incident_when_there_is_no_title_fact() throws Exception {
        sender.send(new Outgoing("Checkout down", "x", Map.of("phase", "investigating")));

        assertThat(fixture.server.received().get(0).incident().path("name").asText()).isEqualTo("Checkout down");
    }

    @Test
    void a_sender_given_the_ref_of_an_earlier_session_updates_that_incident() throws Exception {
        String ref = fixture.page().create(new StatusPost("Checkout errors", StatusPhase.INVESTIGATING, "x",
                Map.of())).ref();
        StatusPageSender resumed = new StatusPageSender(fixture.settings, fixture.secrets(), ref);

        Attempt attempt = resumed.send(message("monitoring", "Watching."));

        assertThat(attempt).isEqualTo(Attempt.delivered(200, "updated incident " + ref, ref));
        assertThat(fixture.server.received().get(1).method()).isEqualTo("PATCH");
        assertThat(fixture.server.received().get(1).path()).endsWith("/incidents/" + ref);
    }

    @Test
    void the_journaled_ref_in_the_facts_makes_a_fresh_sender_update_that_incident_not_open_another() throws Exception {
        String ref = fixture.page().create(new StatusPost("Checkout errors", StatusPhase.INVESTIGATING, "x",
                Map.of())).ref();
        StatusPageSender fresh = new StatusPageSender(fixture.settings, fixture.secrets());
        Outgoing message = message("identified", "Cause found.");
        Map<String, String> facts = new HashMap<>(message.facts());
        facts.put(StatusPageSender.REF_FACT, ref);

        Attempt attempt = fresh.send(new Outgoing(message.subject(), message.text(), facts));

        assertThat(attempt.result()).isEqualTo(Attempt.Result.DELIVERED);
        assertThat(fixture.server.received()).hasSize(2);
        assertThat(fixture.server.received().get(1).method()).isEqualTo("PATCH");
        assertThat(fixture.server.received().get(1).path()).endsWith("/incidents/" + ref);
    }

    @Test
    void a_create_to_retry_opens_the_incident_on_the_next_try_and_a_failed_update_keeps_the_ref() throws Exception {
        fixture.server.answerNext(429, "{\"error\":\"Rate limited\"}", "2");
        Attempt limited = sender.send(message("investigating", "Looking."));
        assertThat(limited.result()).isEqualTo(Result.RETRY);
        assertThat(sender.ref()).isEqualTo(Optional.empty());

        assertThat(sender.send(message("investigating", "Looking.")).ref()).isEqualTo("inc1x7q");
        fixture.server.answerNext(503, "", null);
        assertThat(sender.send(message("identified", "Found.")).result()).isEqualTo(Result.RETRY);
        assertThat(sender.send(message("identified", "Found.")).result()).isEqualTo(Result.DELIVERED);

        assertThat(fixture.server.received()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "POST /v1/pages/kctbh9vrtdwd/incidents", "POST /v1/pages/kctbh9vrtdwd/incidents",
                "PATCH /v1/pages/kctbh9vrtdwd/incidents/inc1x7q", "PATCH /v1/pages/kctbh9vrtdwd/incidents/inc1x7q");
        assertThat(fixture.server.incidents()).containsOnlyKeys("inc1x7q");
    }

    @Test
    void the_preview_shows_the_create_before_the_first_send_and_the_update_after() throws Exception {
        Outgoing first = message("investigating", "Looking.");
        String before = sender.preview(first);
        sender.send(first);
        String after = sender.preview(message("identified", "Found."));

        String base = fixture.server.api() + "/pages/kctbh9vrtdwd/incidents";
        assertThat(before).startsWith("POST " + base + "\n").contains("\"name\" : \"Checkout errors\"")
                .contains("\"status\" : \"investigating\"").contains("\"8kbf7d35c070\" : \"major_outage\"");
        assertThat(after).startsWith("PATCH " + base + "/inc1x7q\n").contains("\"status\" : \"identified\"")
                .doesNotContain("\"name\"");
        assertThat(before + after).as(fixture.seedNote()).doesNotContain(fixture.token)
                .contains("Authorization: OAuth [token from STATUSPAGE_TOKEN]");
        assertThat(sender.channel()).isEqualTo("status-page");
    }
}
