package org.incidentconsole.notify;

import java.util.Map;
import org.incidentconsole.inventory.ChannelKind;

/** A webhook channel's shape, without its secrets: those are named by environment variable only. */
record WebhookSpec(String channel, ChannelKind kind, String urlEnv, String method, Map<String, String> headers,
                   Map<String, String> secretHeaderEnvs, WebhookFormat format) {
    WebhookSpec {
        headers = Map.copyOf(headers);
        secretHeaderEnvs = Map.copyOf(secretHeaderEnvs);
    }
}
