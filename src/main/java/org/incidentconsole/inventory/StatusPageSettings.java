package org.incidentconsole.inventory;

import java.net.URI;
import java.util.Map;

/**
 * The optional status page ({@code notify.status_page}): an Atlassian Statuspage-compatible API at {@code api}
 * (default {@code https://api.statuspage.io/v1}), the page's id, the environment variable holding the API token,
 * and the components the incident affects (name shown to the operator → component id).
 */
public record StatusPageSettings(URI api, String pageId, String tokenEnv, Map<String, String> components, int line) {
    public StatusPageSettings {
        components = Map.copyOf(components);
    }
}
