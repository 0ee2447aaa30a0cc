package org.incidentconsole.notify;

import java.util.Map;

/**
 * One post to the status page: the incident's public title, its status, the message shown to customers, and the
 * affected components (component id → Statuspage component status: operational, degraded_performance,
 * partial_outage, major_outage, under_maintenance).
 */
public record StatusPost(String title, StatusPhase phase, String message, Map<String, String> components) {
    public StatusPost {
        components = Map.copyOf(components);
    }
}
