package org.incidentconsole.notify;

import static org.incidentconsole.notify.Attempt.Result.DELIVERED;
import static org.incidentconsole.notify.Attempt.Result.FAILED;
import static org.incidentconsole.notify.Attempt.Result.RETRY;
import static org.incidentconsole.notify.ResponseRule.row;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.incidentconsole.inventory.ChannelKind;

/**
 * What each webhook service's answers mean: status (and, for Slack, the word in the body) → delivered, worth a
 * retry, or failed for good, with the meaning in words. The first matching row wins; every table ends with the
 * rows every HTTP service shares. To teach the console a new answer, add a row.
 */
final class ResponseTables {
    /** Shared by every service, after its own rows. */
    static final List<ResponseRule> COMMON = List.of(
            row(300, 399, null, FAILED, "the webhook URL redirects elsewhere: use the URL it points to"),
            row(408, null, RETRY, "the server gave up waiting for the request"),
            row(425, null, RETRY, "the server asked to try again later"),
            row(429, null, RETRY, "rate limited"),
            row(500, 599, null, RETRY, "the service is failing"),
            row(400, 499, null, FAILED, "the service refused the message"),
            row(100, 599, null, FAILED, "an answer the console does not know"));

    private static final Map<ChannelKind, List<ResponseRule>> TABLES = new EnumMap<>(Map.of(
            ChannelKind.SLACK, with(
                    row(200, 299, null, DELIVERED, "delivered"),
                    row(400, "invalid_payload", FAILED, "Slack could not read the message (not JSON, or a field it "
                            + "does not know)"),
                    row(400, "no_text", FAILED, "the message has no text"),
                    row(400, "too_many_attachments", FAILED, "the message has too many attachments"),
                    row(400, "user_not_found", FAILED, "the webhook's user no longer exists"),
                    row(403, "action_prohibited", FAILED, "a workspace admin has restricted posting to this channel"),
                    row(403, "posting_to_general_channel_denied", FAILED, "only admins may post to this channel"),
                    row(403, "invalid_token", FAILED, "the webhook's token is no longer valid: make a new webhook"),
                    row(404, "no_service", FAILED, "the webhook was removed or its app disabled: make a new one"),
                    row(404, "no_team", FAILED, "the webhook's workspace no longer exists"),
                    row(404, "team_disabled", FAILED, "the webhook's workspace is disabled"),
                    row(404, "channel_not_found", FAILED, "the webhook's channel no longer exists"),
                    row(410, "channel_is_archived", FAILED, "the webhook's channel is archived")),
            ChannelKind.MATTERMOST, with(
                    row(200, 299, null, DELIVERED, "delivered"),
                    row(400, null, FAILED, "Mattermost refused the message, or the webhook does not exist"),
                    row(401, 403, null, FAILED, "incoming webhooks are off, or the webhook may not post there"),
                    row(404, null, FAILED, "no such webhook: it was deleted or its URL is wrong")),
            ChannelKind.TEAMS, with(
                    row(200, 299, null, DELIVERED, "accepted by the workflow"),
                    row(400, null, FAILED, "the workflow refused the card"),
                    row(401, 403, null, FAILED, "the workflow refused the call: its URL (signature) is wrong or "
                            + "expired"),
                    row(404, null, FAILED, "no such workflow: it was deleted or its URL is wrong"),
                    row(413, null, FAILED, "the card is too large for Teams")),
            ChannelKind.DISCORD, with(
                    row(200, 299, null, DELIVERED, "delivered"),
                    row(400, null, FAILED, "Discord refused the message"),
                    row(401, null, FAILED, "the webhook's token is not valid: make a new webhook"),
                    row(403, null, FAILED, "the webhook may not post in its channel"),
                    row(404, null, FAILED, "unknown webhook: it was deleted; make a new one")),
            ChannelKind.WEBHOOK, with(
                    row(200, 299, null, DELIVERED, "accepted"))));

    private ResponseTables() {
    }

    static List<ResponseRule> of(ChannelKind kind) {
        List<ResponseRule> rows = TABLES.get(kind);
        if (rows == null) {
            throw new IllegalArgumentException("no webhook answers for " + kind.label());
        }
        return rows;
    }

    /** The first row that matches; the COMMON tail matches every status a server can send. */
    static ResponseRule classify(List<ResponseRule> rows, int status, String serverWords) {
        for (ResponseRule r : rows) {
            if (r.matches(status, serverWords)) {
                return r;
            }
        }
        return row(status, null, FAILED, "an answer the console does not know");
    }

    private static List<ResponseRule> with(ResponseRule... own) {
        List<ResponseRule> all = new ArrayList<>(List.of(own));
        all.addAll(COMMON);
        return List.copyOf(all);
    }
}
