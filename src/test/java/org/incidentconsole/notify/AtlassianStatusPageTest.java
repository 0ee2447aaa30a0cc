package org.incidentconsole.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incidentconsole.inventory.StatusPageSettings;
import org.incidentconsole.notify.Attempt.Result;
import org.incidentconsole.notify.StatuspageServer.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Statuspage client against a loopback server that acts like the documented API. */
class AtlassianStatusPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> DOWN = Map.of("8kbf7d35c070", "major_outage", "vtnh60py4yd7",
            "partial_outage");

    StatuspageFixture fixture;
    AtlassianStatusPage page;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new StatuspageFixture();
        page = fixture.page();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static StatusPost post(StatusPhase phase, String message) {
        return new StatusPost("Checkout errors", phase, message, DOWN);
    }

    @Test
    void create_posts_the_documented_incident_with_the_oauth_token_and_answers_the_page_s_id() throws Exception {
        Attempt opened = page.create(post(StatusPhase.INVESTIGATING, "We are looking into failed checkouts."));

        assertThat(opened).isEqualTo(Attempt.delivered(201, "opened incident inc1x7q", "inc1x7q"));
        Received call = fixture.server.received().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/v1/pages/kctbh9vrtdwd/incidents");
        assertThat(call.authorization()).isEqualTo("OAuth " + fixture.token);
        assertThat(call.body()).isEqualTo(JSON.readTree("""
                {"incident": {"name": "Checkout errors", "status": "investigating",
                  "body": "We are looking into failed checkouts.",
                  "components": {"8kbf7d35c070": "major_outage", "vtnh60py4yd7": "partial_outage"},
                  "component_ids": ["8kbf7d35c070", "vtnh60py4yd7"], "deliver_notifications": true}}"""));
        assertThat(fixture.asked).containsOnly("status-page / API token / STATUSPAGE_TOKEN");
    }

    @Test
    void update_patches_the_incident_by_its_id_with_status_body_and_components_only() throws Exception {
        String ref = page.create(post(StatusPhase.INVESTIGATING, "Looking.")).ref();
        Map<String, String> better = Map.of("8kbf7d35c070", "degraded_performance", "vtnh60py4yd7", "operational");

        Attempt moved = page.update(ref, new StatusPost("Checkout errors", StatusPhase.MONITORING, "Fix out.", better));

        assertThat(moved).isEqualTo(Attempt.delivered(200, "updated incident " + ref, ref));
        Received call = fixture.server.received().get(1);
        assertThat(call.method()).isEqualTo("PATCH");
        assertThat(call.path()).isEqualTo("/v1/pages/kctbh9vrtdwd/incidents/" + ref);
        assertThat(call.authorization()).isEqualTo("OAuth " + fixture.token);
        assertThat(call.body()).isEqualTo(JSON.readTree("""
                {"incident": {"status": "monitoring", "body": "Fix out.",
                  "components": {"8kbf7d35c070": "degraded_performance", "vtnh60py4yd7": "operational"},
                  "component_ids": ["8kbf7d35c070", "vtnh60py4yd7"]}}"""));
        assertThat(fixture.server.incidents().get(ref).path("status").asText()).isEqualTo("monitoring");
    }

    @ParameterizedTest(name = "HTTP {0} {1} Retry-After {2} -> {3} \"{4}\"")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "401 | '{\"error\":\"Could not authenticate\"}' | none | FAILED | token refused              | none",
            "403 | '{\"error\":\"Forbidden\"}'              | none | FAILED | token refused              | none",
            "404 | '{\"error\":\"Page not found\"}'         | none | FAILED | page or incident not found | none",
            "422 | '{\"error\":[\"Name is too long\"]}'     | none | FAILED | Name is too long           | none",
            "420 | '{\"error\":\"Rate limited\"}'          | 60   | RETRY  | rate limited               | 60",
            "429 | '{\"error\":\"Rate limited\"}'          | 7    | RETRY  | rate limited               | 7",
            "500 | '{\"error\":\"Internal\"}'              | none | RETRY  | status page error          | none",
            "502 | '<html>bad gateway</html>'               | none | RETRY  | status page error          | none"})
    void an_error_answer_over_http_is_classified(int status, String body, String retryAfter, Result result,
                                                 String reason, Long seconds) throws Exception {
        fixture.server.answerNext(status, body, retryAfter);

        Attempt attempt = page.create(post(StatusPhase.INVESTIGATING, "Looking."));

        assertThat(attempt).isEqualTo(new Attempt(result, status, reason,
                seconds == null ? null : Duration.ofSeconds(seconds), null));
    }

    @Test
    void the_api_s_own_refusals_reach_the_operator_in_its_words() throws Exception {
        assertThat(page.update("nosuch", post(StatusPhase.IDENTIFIED, "Found it.")))
                .isEqualTo(Attempt.failed(404, "page or incident not found"));
        assertThat(page.create(new StatusPost(" ", StatusPhase.INVESTIGATING, "Looking.", DOWN)))
                .isEqualTo(Attempt.failed(422, "Name can't be blank"));
        SecretSource wrong = (channel, what, env) -> Optional.of("0123456789abcdef");
        assertThat(new AtlassianStatusPage(fixture.settings, wrong).create(post(StatusPhase.INVESTIGATING, "x")))
                .isEqualTo(Attempt.failed(401, "token refused"));
        assertThat(fixture.server.incidents()).isEmpty();
    }

    @Test
    void a_page_that_does_not_answer_is_worth_a_retry() throws Exception {
        fixture.server.close();

        Attempt attempt = page.create(post(StatusPhase.INVESTIGATING, "Looking."));

        assertThat(attempt.result()).isEqualTo(Result.RETRY);
        assertThat(attempt.status()).isNull();
        assertThat(attempt.reason()).startsWith("could not reach the status page: ");
    }

    @Test
    void without_a_token_nothing_is_sent() throws Exception {
        SecretSource none = (channel, what, env) -> Optional.empty();

        Attempt attempt = new AtlassianStatusPage(fixture.settings, none).create(post(StatusPhase.INVESTIGATING, "x"));

        assertThat(attempt).isEqualTo(Attempt.failed(null, "no API token: set STATUSPAGE_TOKEN"));
        assertThat(fixture.server.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"https://api.statuspage.io/v1, true", "HTTPS://status.example.com/api/v1, true",
            "http://127.0.0.1:8080/v1, true", "http://localhost/v1, true", "http://[::1]:9000/v1, true",
            "http://api.statuspage.io/v1, false", "http://127.evil.example/v1, false",
            "http://localhost.evil.example/v1, false", "ftp://127.0.0.1/v1, false"})
    void the_token_travels_over_tls_or_only_to_this_machine(String api, boolean allowed) {
        assertThat(AtlassianStatusPage.mayCarryToken(URI.create(api))).isEqualTo(allowed);
    }

    @Test
    void a_plain_http_page_elsewhere_is_refused_before_the_token_is_asked_for() throws Exception {
        StatusPageSettings remote = new StatusPageSettings(URI.create("http://api.statuspage.io/v1"),
                StatuspageFixture.PAGE, StatuspageFixture.ENV, StatuspageFixture.COMPONENTS, 40);

        Attempt attempt = new AtlassianStatusPage(remote, fixture.secrets()).create(post(StatusPhase.INVESTIGATING, "x"));

        assertThat(attempt).isEqualTo(Attempt.failed(null,
                "the status page API must be https (plain http only on this machine): http://api.statuspage.io/v1"));
        assertThat(fixture.asked).isEmpty();
    }

    @Test
    void a_token_that_cannot_be_a_header_fails_without_quoting_it() throws Exception {
        String broken = fixture.token + "\r\nX-Injected: yes";
        SecretSource source = (channel, what, env) -> Optional.of(broken);

        Attempt attempt = new AtlassianStatusPage(fixture.settings, source).create(post(StatusPhase.INVESTIGATING, "x"));

        assertThat(attempt).isEqualTo(Attempt.failed(null,
                "the API token in STATUSPAGE_TOKEN is not a valid header value"));
        assertThat(fixture.server.received()).isEmpty();
        assertThat(fixture.logLines()).as(fixture.seedNote()).noneMatch(l -> l.contains(fixture.token));
    }

    @Test
    void the_preview_is_the_request_that_is_sent_with_the_token_masked() throws Exception {
        StatusPost post = post(StatusPhase.IDENTIFIED, "The cause is a bad deploy.");
        String create = page.preview(null, post);
        String ref = page.create(post).ref();
        String update = page.preview(ref, post);
        page.update(ref, post);

        String base = fixture.server.api() + "/pages/kctbh9vrtdwd/incidents";
        assertThat(create).startsWith("POST " + base + "\nAuthorization: OAuth [token from STATUSPAGE_TOKEN]\n");
        assertThat(update).startsWith("PATCH " + base + "/" + ref + "\nAuthorization: OAuth [token from STATUSPAGE_TOKEN]\n");
        List<Received> sent = fixture.server.received();
        assertThat(payload(create)).isEqualTo(sent.get(0).body());
        assertThat(payload(update)).isEqualTo(sent.get(1).body());
        assertThat(create + update).doesNotContain(fixture.token);
    }

    private static JsonNode payload(String preview) throws Exception {
        return JSON.readTree(preview.substring(preview.indexOf("\n\n") + 2));
    }

    @Test
    void the_token_never_reaches_a_reason_a_ref_a_log_line_or_a_preview() throws Exception {
        String token = fixture.token;
        List<String> outputs = new ArrayList<>();
        fixture.server.answerNext(422, "{\"error\":\"token " + token + " may not post here\"}", null);
        fixture.server.answerNext(500, "stack: Authorization: OAuth " + token, null);
        fixture.server.answerNext(429, "{\"error\":\"slow down " + token + "\"}", "3");
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            attempts.add(page.create(post(StatusPhase.INVESTIGATING, "Looking.")));
        }
        Attempt opened = page.create(post(StatusPhase.INVESTIGATING, "Looking."));
        attempts.add(opened);
        for (StatusPhase phase : StatusPhase.values()) {
            StatusPost post = post(phase, "Now " + phase.label() + ".");
            outputs.add(page.preview(opened.ref(), post));
            attempts.add(page.update(opened.ref(), post));
        }
        fixture.server.close();
        attempts.add(page.update(opened.ref(), post(StatusPhase.RESOLVED, "Done.")));
        attempts.forEach(a -> outputs.add(a.reason() + " " + a.ref() + " " + a));
        outputs.addAll(fixture.logLines());

        assertThat(attempts.get(0).reason()).as(fixture.seedNote()).isEqualTo("token [REDACTED:token] may not post here");
        assertThat(attempts).extracting(Attempt::result).as(fixture.seedNote()).containsExactly(Result.FAILED,
                Result.RETRY, Result.RETRY, Result.DELIVERED, Result.DELIVERED, Result.DELIVERED, Result.DELIVERED,
                Result.DELIVERED, Result.RETRY);
        assertThat(fixture.logLines()).as("one line per call").hasSize(attempts.size());
        assertThat(outputs).as(fixture.seedNote()).noneMatch(o -> o.contains(token));
        assertThat(fixture.server.received()).as(fixture.seedNote())
                .allMatch(r -> r.authorization().equals("OAuth " + token) && !r.body().toString().contains(token));
    }
}
