package org.incidentconsole.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.incidentconsole.inventory.ChannelKind;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.notify.Attempt;
import org.incidentconsole.notify.Outgoing;
import org.incidentconsole.notify.Senders;
import org.junit.jupiter.api.Test;

/** The drill's chat room answers like a Slack webhook: its own token only, "ok" to a text, refusals in its words. */
class DrillChatTest {
    @Test
    void a_slack_channel_on_the_drill_url_delivers_and_the_room_keeps_the_text() throws Exception {
        try (DrillChat chat = new DrillChat()) {
            NotifyChannel channel = new NotifyChannel("drill-chat", ChannelKind.SLACK, 1, DrillChat.URL_ENV, null,
                    null);
            Attempt a = Senders.create(channel, (c, what, env) -> Optional.of(chat.url()))
                    .send(new Outgoing("[P2] Checkout slow", "Rolling back to v41.", Map.of()));

            assertThat(a.result()).as(a.reason()).isEqualTo(Attempt.Result.DELIVERED);
            assertThat(chat.received()).containsExactly("Rolling back to v41.");
        }
    }

    @Test
    void another_token_an_empty_text_or_a_get_is_refused_as_slack_would() throws Exception {
        try (DrillChat chat = new DrillChat()) {
            HttpClient http = HttpClient.newHttpClient();
            String other = chat.url().substring(0, chat.url().lastIndexOf('/') + 1) + "0000";
            assertThat(post(http, other, "{\"text\":\"x\"}")).isEqualTo("404 no_service");
            assertThat(post(http, chat.url(), "{\"text\":\" \"}")).isEqualTo("400 no_text");
            assertThat(post(http, chat.url(), "not json")).isEqualTo("400 invalid_payload");
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(chat.url())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(chat.received()).isEmpty();
        }
    }

    private static String post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }
}
