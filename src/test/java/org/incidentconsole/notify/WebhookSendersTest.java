package org.incidentconsole.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.incidentconsole.inventory.ChannelKind;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.inventory.WebhookShape;
import org.incidentconsole.notify.Attempt.Result;
import org.incidentconsole.notify.LoopbackWebhookServer.Answer;
import org.incidentconsole.notify.LoopbackWebhookServer.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each sender against a loopback server answering like its service: the exact request, and what the answer means. */
class WebhookSendersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/services/T0AAA1111/B0BBB2222/xoxSecretPart0123456789";
    private final TestChannels env = new TestChannels();
    private final Outgoing message = TestChannels.message("P1 checkout: rolled back",
            "Rolled back <checkout> from v2 to v1 & watching.\n\"Next update\" 10:30 UTC");

    @Test
    void slack_gets_the_text_with_its_markup_characters_escaped_and_ok_is_delivered() throws Exception {
        try (var server = LoopbackWebhookServer.answering(Answer.of(200, "ok"))) {
            env.set("OPS_SLACK_WEBHOOK", server.base() + PATH);
            Attempt a = env.sender("ops", ChannelKind.SLACK, "OPS_SLACK_WEBHOOK").send(message);

            Received r = server.next();
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo(PATH);
            assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"text\": "
                    + "\"Rolled back &lt;checkout&gt; from v2 to v1 &amp; watching.\\n\\\"Next update\\\" 10:30 UTC\"}"));
            assertThat(a).isEqualTo(Attempt.delivered(200, "200 ok: delivered"));
        }
    }

    @ParameterizedTest(name = "Slack {0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            400 | invalid_payload     | FAILED | 400 invalid_payload: Slack could not read the message
            400 | no_text             | FAILED | 400 no_text: the message has no text
            403 | action_prohibited   | FAILED | 403 action_prohibited: a workspace admin has restricted posting
            404 | no_service          | FAILED | 404 no_service: the webhook was removed or its app disabled
            404 | channel_not_found   | FAILED | 404 channel_not_found: the webhook's channel no longer exists
            410 | channel_is_archived | FAILED | 410 channel_is_archived: the webhook's channel is archived
            500 | rollup_error        | RETRY  | 500 rollup_error: the service is failing
            503 | ''                  | RETRY  | 503: the service is failing
            """)
    void slack_answers_are_classified_with_the_servers_word(int status, String body, Result result, String reason)
            throws Exception {
        try (var server = LoopbackWebhookServer.answering(Answer.of(status, body))) {
            env.set("OPS_SLACK_WEBHOOK", server.base() + PATH);
            Attempt a = env.sender("ops", ChannelKind.SLACK, "OPS_SLACK_WEBHOOK").send(message);
            assertThat(a.result()).isEqualTo(result);
            assertThat(a.status()).isEqualTo(status);
            assertThat(a.reason()).startsWith(reason);
            assertThat(a.retryAfter()).isNull();
        }
    }

    @Test
    void slack_429_is_a_retry_after_the_seconds_it_asks_for() throws Exception {
        try (var server = LoopbackWebhookServer.answering(Answer.of(429, "rate_limited", "Retry-After", "7"))) {
            env.set("OPS_SLACK_WEBHOOK", server.base() + PATH);
            Attempt a = env.sender("ops", ChannelKind.SLACK, "OPS_SLACK_WEBHOOK").send(message);
            assertThat(a).isEqualTo(Attempt.retry(429, "429 rate_limited: rate limited", Duration.ofSeconds(7)));
        }
    }

    @Test
    void mattermost_gets_the_plain_text_and_its_json_error_message_is_the_reason() throws Exception {
        try (var server = LoopbackWebhookServer.answering(Answer.of(200, "ok"), Answer.of(400,
                "{\"id\":\"web.incoming_webhook.invalid.app_error\",\"message\":\"Invalid webhook.\","
                        + "\"status_code\":400}"))) {
            env.set("ENG_MM_WEBHOOK", server.base() + "/hooks/abcdefghijkl0123456789mm");
            Sender mm = env.sender("eng", ChannelKind.MATTERMOST, "ENG_MM_WEBHOOK");

            assertThat(mm.send(message)).isEqualTo(Attempt.delivered(200, "200 ok: delivered"));
            assertThat(JSON.readTree(server.next().body())).isEqualTo(JSON.createObjectNode().put("text",
                    message.text()));
            Attempt refused = mm.send(message);
            assertThat(refused.result()).isEqualTo(Result.FAILED);
            assertThat(refused.reason()).isEqualTo("400 Invalid webhook.: Mattermost refused the message, or the "
                    + "webhook does not exist");
        }
    }

    @Test
    void teams_gets_an_adaptive_card_and_202_accepted_is_delivered() throws Exception {
        try (var server = LoopbackWebhookServer.answering(Answer.of(202, ""))) {
            env.set("LEADS_TEAMS_WORKFLOW", server.base()
                    + "/workflows/abc123def456/triggers/manual/paths/invoke?api-version=1&sig=Zm9vYmFyYmF6cXV4");
            Attempt a = env.sender("leads", ChannelKind.TEAMS, "LEADS_TEAMS_WORKFLOW").send(message);

            Received r = server.next();
            assertThat(r.query()).isEqualTo("api-version=1&sig=Zm9vYmFyYmF6cXV4");
            JsonNode expected = JSON.readTree("""
                    {"type": "message", "attachments": [{
                      "contentType": "application/vnd.microsoft.card.adaptive",
                      "content": {
                        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                        "type": "AdaptiveCard", "version": "1.4",
                        "body": [
                          {"type": "TextBlock", "text": "P1 checkout: rolled back", "weight": "Bolder",
                           "size": "Medium", "wrap": true},
                          {"type": "TextBlock", "text": "TEXT", "wrap": true}]}}]}
                    """.replace("TEXT", "Rolled back <checkout> from v2 to v1 & watching.\\n\\\"Next update\\\" "
                    + "10:30 UTC"));
            assertThat(JSON.readTree(r.body())).isEqualTo(expected);
            assertThat(a).isEqualTo(Attempt.delivered(202, "202: accepted by the workflow"));
        }
    }

    @Test
    void discord_gets_content_without_mentions_and_204_is_delivered() throws Exception {
        try (var server = LoopbackWebhookServer.answering(Answer.of(204, null))) {
            env.set("COMMUNITY_DISCORD_WEBHOOK", server.base() + "/api/webhooks/1234567890/tokenPartABCDEFG");
            Attempt a = env.sender("community", ChannelKind.DISCORD, "COMMUNITY_DISCORD_WEBHOOK")
                    .send(TestChannels.message("s", "@everyone rolled back"));

            assertThat(JSON.readTree(server.next().body())).isEqualTo(JSON.readTree(
                    "{\"content\": \"@everyone rolled back\", \"allowed_mentions\": {\"parse\": []}}"));
            assertThat(a).isEqualTo(Attempt.delivered(204, "204: delivered"));
        }
    }

    @Test
    void discord_429_waits_for_the_header_or_else_the_bodys_retry_after() throws Exception {
        String limited = "{\"message\": \"You are being rate limited.\", \"retry_after\": 1.5, \"global\": false}";
        try (var server = LoopbackWebhookServer.answering(Answer.of(429, limited),
                new Answer(429, limited, Map.of("Retry-After", "2", "Content-Type", "application/json")))) {
            env.set("COMMUNITY_DISCORD_WEBHOOK", server.base() + "/api/webhooks/1234567890/tokenPartABCDEFG");
            Sender discord = env.sender("community", ChannelKind.DISCORD, "COMMUNITY_DISCORD_WEBHOOK");

            assertThat(discord.send(message)).isEqualTo(Attempt.retry(429,
                    "429 You are being rate limited.: rate limited", Duration.ofMillis(1500)));
            assertThat(discord.send(message).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void discord_refuses_a_message_over_2000_characters_before_sending_it() throws Exception {
        try (var server = LoopbackWebhookServer.answering(Answer.of(204, null))) {
            env.set("COMMUNITY_DISCORD_WEBHOOK", server.base() + "/api/webhooks/1/tok");
            Attempt a = env.sender("community", ChannelKind.DISCORD, "COMMUNITY_DISCORD_WEBHOOK")
                    .send(TestChannels.message("s", "x".repeat(2001)));

            assertThat(a).isEqualTo(Attempt.failed(null,
                    "Discord takes at most 2000 characters and this message has 2001: shorten it"));
            assertThat(server.drain()).isEmpty();
        }
    }

    @Test
    void a_generic_webhook_gets_its_method_headers_secret_header_and_body_template() throws Exception {
        try (var server = LoopbackWebhookServer.answering(Answer.of(201, "{\"id\": \"ev-1\"}"))) {
            env.set("PAGER_HOOK_URL", server.base() + "/v2/enqueue").set("PAGER_AUTH_HEADER", "Token s3cr3tValue99");
            NotifyChannel pager = TestChannels.webhook("pager", "PAGER_HOOK_URL", new WebhookShape("put",
                    Map.of("X-Source", "incident-console"), Map.of("Authorization", "PAGER_AUTH_HEADER"),
                    "{\"summary\": {{text}}, \"severity\": {{ severity }}, \"title\": {{subject}}, \"x\": {{nope}}}"));
            Attempt a = env.sender(pager, Duration.ofSeconds(10)).send(message);

            Received r = server.next();
            assertThat(r.method()).isEqualTo("PUT");
            assertThat(r.header("X-Source")).isEqualTo("incident-console");
            assertThat(r.header("Authorization")).isEqualTo("Token s3cr3tValue99");
            assertThat(JSON.readTree(r.body())).isEqualTo(JSON.createObjectNode().put("summary", message.text())
                    .put("severity", "P1").put("title", "P1 checkout: rolled back").putNull("x"));
            assertThat(a).isEqualTo(Attempt.delivered(201, "201: accepted"));
        }
    }

    @Test
    void a_body_template_that_is_not_json_fails_with_where_and_sends_nothing() throws Exception {
        try (var server = LoopbackWebhookServer.answering(Answer.of(200, ""))) {
            env.set("PAGER_HOOK_URL", server.base() + "/hook");
            NotifyChannel pager = TestChannels.webhook("pager", "PAGER_HOOK_URL",
                    new WebhookShape("POST", Map.of(), Map.of(), "{\"summary\": \"{{text}}\"}"));
            Attempt a = env.sender(pager, Duration.ofSeconds(10)).send(message);

            assertThat(a.result()).isEqualTo(Result.FAILED);
            assertThat(a.reason()).startsWith("the webhook's body template does not make JSON (line 1, column");
            assertThat(server.drain()).isEmpty();
        }
    }

    @Test
    void a_channel_without_its_url_fails_naming_the_variable_only() throws Exception {
        Attempt a = env.sender("ops", ChannelKind.SLACK, "OPS_SLACK_WEBHOOK").send(message);
        assertThat(a).isEqualTo(Attempt.failed(null, "no webhook URL: set OPS_SLACK_WEBHOOK"));
    }

    @Test
    void a_missing_secret_header_fails_naming_its_variable() throws Exception {
        env.set("PAGER_HOOK_URL", "https://pager.example.com/hook");
        NotifyChannel pager = TestChannels.webhook("pager", "PAGER_HOOK_URL",
                new WebhookShape("POST", Map.of(), Map.of("Authorization", "PAGER_AUTH_HEADER"), null));
        assertThat(env.sender(pager, Duration.ofSeconds(10)).send(message))
                .isEqualTo(Attempt.failed(null, "no value for header Authorization: set PAGER_AUTH_HEADER"));
    }

    @Test
    void plain_http_is_refused_except_to_this_machine() throws Exception {
        env.set("OPS_SLACK_WEBHOOK", "http://hooks.example.com/services/T1/B2/secretsecret");
        assertThat(env.sender("ops", ChannelKind.SLACK, "OPS_SLACK_WEBHOOK").send(message)).isEqualTo(
                Attempt.failed(null, "the webhook URL must be https (plain http only to this machine)"));
    }

    @Test
    void a_refused_connection_is_a_retry_in_words() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        env.set("OPS_SLACK_WEBHOOK", "http://127.0.0.1:" + port + PATH);
        Attempt a = env.sender("ops", ChannelKind.SLACK, "OPS_SLACK_WEBHOOK").send(message);
        assertThat(a).isEqualTo(Attempt.retry(null, "could not connect to 127.0.0.1: connection refused", null));
    }

    @Test
    void a_server_that_never_answers_is_a_retry_after_the_read_timeout() throws Exception {
        try (var server = LoopbackWebhookServer.silent()) {
            env.set("OPS_SLACK_WEBHOOK", server.base() + PATH);
            Attempt a = env.sender(new NotifyChannel("ops", ChannelKind.SLACK, 1, "OPS_SLACK_WEBHOOK", null, null),
                    Duration.ofMillis(300)).send(message);
            assertThat(a).isEqualTo(Attempt.retry(null, "no answer within 300 ms", null));
        }
    }

    @Test
    void the_preview_shows_method_masked_url_headers_and_payload() {
        env.set("PAGER_HOOK_URL", "https://pager.example.com:8443/v2/enqueue/routingKeySecret123")
                .set("PAGER_AUTH_HEADER", "Token s3cr3tValue99");
        NotifyChannel pager = TestChannels.webhook("pager", "PAGER_HOOK_URL", new WebhookShape("PATCH",
                Map.of("X-Source", "incident-console"), Map.of("Authorization", "PAGER_AUTH_HEADER"),
                "{\"summary\": {{text}}}"));
        assertThat(env.sender(pager, Duration.ofSeconds(10)).preview(TestChannels.message("s", "rolled back")))
                .isEqualTo("""
                        PATCH https://pager.example.com:8443/…
                        Content-Type: application/json
                        X-Source: incident-console
                        Authorization: … (from PAGER_AUTH_HEADER)

                        {
                          "summary" : "rolled back"
                        }""");
        assertThat(env.sender("ops", ChannelKind.SLACK, "OPS_SLACK_WEBHOOK").preview(message))
                .startsWith("POST (no webhook URL: set OPS_SLACK_WEBHOOK)\n");
    }
}
