package org.incidentconsole.inventory;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/** A health check as written: name and type, the rest kept (with where each stood) for the health package. */
final class HealthCheckEntry {
    @JsonProperty("name")
    String name;
    @JsonProperty("type")
    String type;
    final Map<String, Located<Object>> settings = new LinkedHashMap<>();

    @JsonAnySetter
    void set(String key, Located<Object> value) {
        if (value != null && value.value() != null) {
            settings.put(key, value);
        }
    }

    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        settings.forEach((key, at) -> values.put(key, at.value()));
        return values;
    }
}
