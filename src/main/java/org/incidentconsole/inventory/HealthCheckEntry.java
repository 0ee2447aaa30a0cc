package org.incidentconsole.inventory;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/** A health check as written: name and type, the rest kept for the health package. */
final class HealthCheckEntry {
    @JsonProperty("name")
    String name;
    @JsonProperty("type")
    String type;
    final Map<String, Object> settings = new LinkedHashMap<>();

    @JsonAnySetter
    void set(String key, Object value) {
        settings.put(key, value);
    }
}
