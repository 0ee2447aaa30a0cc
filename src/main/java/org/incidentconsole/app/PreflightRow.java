package org.incidentconsole.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What preflight found for one host; {@code ok} is whether an incident could use the host. */
record PreflightRow(String host, String reach, String hostKey, String auth, String sudo, String redis,
                    List<String> health, String clock, boolean ok) {
    static final List<String> COLUMNS = List.of("host", "reach", "host key", "auth", "sudo", "redis", "health",
            "clock skew");

    List<String> cells() {
        return List.of(host, reach, hostKey, auth, sudo, redis, health.isEmpty() ? "-" : String.join("; ", health),
                clock);
    }

    /** The JSON object, keys always in this order. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", host);
        m.put("ok", ok);
        m.put("reach", reach);
        m.put("hostKey", hostKey);
        m.put("auth", auth);
        m.put("sudo", sudo);
        m.put("redis", redis);
        m.put("health", health);
        m.put("clockSkew", clock);
        return m;
    }
}
