package org.incidentconsole.inventory;

import java.util.Map;

/** One configured health check; its settings are interpreted by the health package. */
public record HealthCheckSpec(String name, String type, Map<String, Object> settings) {
    public HealthCheckSpec {
        settings = Map.copyOf(settings);
    }
}
