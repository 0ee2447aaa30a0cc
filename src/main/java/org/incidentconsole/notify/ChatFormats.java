package org.incidentconsole.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.incidentconsole.inventory.ChannelKind;

/** The chat services' payloads: Slack, Mattermost, a Teams Workflows Adaptive Card, Discord. */
final class ChatFormats {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Discord refuses longer content. */
    static final int DISCORD_MAX = 2000;

    private ChatFormats() {
    }

    /** Slack: {@code {"text": …}}, with {@code & < >} escaped so text never becomes a link or an @channel. */
    static WebhookFormat slack() {
        return simple(ChannelKind.SLACK, m -> text(slackEscape(m.text())));
    }

    static WebhookFormat mattermost() {
        return simple(ChannelKind.MATTERMOST, m -> text(m.text()));
    }

    static WebhookFormat teams() {
        return simple(ChannelKind.TEAMS, ChatFormats::adaptiveCard);
    }

    static WebhookFormat discord() {
        return new WebhookFormat() {
            @Override
            public Payload payload(Outgoing m) {
                int length = m.text().codePointCount(0, m.text().length());
                if (length > DISCORD_MAX) {
                    return Payload.refused("Discord takes at most " + DISCORD_MAX + " characters and this message "
                            + "has " + length + ": shorten it");
                }
                ObjectNode o = JSON.createObjectNode().put("content", m.text());
                o.putObject("allowed_mentions").putArray("parse");
                return Payload.of(o.toString());
            }

            @Override
            public List<ResponseRule> answers() {
                return ResponseTables.of(ChannelKind.DISCORD);
            }

            @Override
            public Duration retryAfter(JsonNode body) {
                JsonNode seconds = body.path("retry_after");
                return seconds.isNumber() ? Duration.ofMillis(Math.round(seconds.asDouble() * 1000)) : null;
            }
        };
    }

    static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String text(String text) {
        return JSON.createObjectNode().put("text", text).toString();
    }

    private static String adaptiveCard(Outgoing m) {
        ObjectNode message = JSON.createObjectNode().put("type", "message");
        ObjectNode card = message.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive")
                .putObject("content")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard")
                .put("version", "1.4");
        var body = card.putArray("body");
        if (m.subject() != null && !m.subject().isBlank()) {
            body.addObject().put("type", "TextBlock").put("text", m.subject()).put("weight", "Bolder")
                    .put("size", "Medium").put("wrap", true);
        }
        body.addObject().put("type", "TextBlock").put("text", m.text()).put("wrap", true);
        return message.toString();
    }

    private static WebhookFormat simple(ChannelKind kind, Function<Outgoing, String> json) {
        return new WebhookFormat() {
            @Override
            public Payload payload(Outgoing m) {
                return Payload.of(json.apply(m));
            }

            @Override
            public List<ResponseRule> answers() {
                return ResponseTables.of(kind);
            }
        };
    }
}
