package org.incidentconsole.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/** How one webhook service wants a message, and what its answers mean. */
interface WebhookFormat {
    /** The JSON body for the message, or why this message cannot go to this service. */
    Payload payload(Outgoing message);

    /** The service's answer table ({@link ResponseTables}). */
    List<ResponseRule> answers();

    /** A wait asked for in the body (Discord's {@code retry_after}); null when none. */
    default Duration retryAfter(JsonNode body) {
        return null;
    }

    /** Exactly one of {@code json} (the body to send) and {@code problem} (why not, in one sentence). */
    record Payload(String json, String problem) {
        static Payload of(String json) {
            return new Payload(json, null);
        }

        static Payload refused(String problem) {
            return new Payload(null, problem);
        }
    }
}
