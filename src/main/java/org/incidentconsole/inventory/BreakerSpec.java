package org.incidentconsole.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The breakers block as written; anything left out takes the default. */
final class BreakerSpec {
    @JsonProperty("keys")
    List<Located<KeySpec>> keys;
    @JsonProperty("rate_limits")
    List<Located<String>> rateLimits;
    @JsonProperty("stuck_open_minutes")
    Integer stuckOpenMinutes;
    @JsonProperty("poll_seconds")
    Integer pollSeconds;

    static final class KeySpec {
        @JsonProperty("state")
        String state;
        @JsonProperty("failures")
        String failures;
        @JsonProperty("opened_at")
        String openedAt;
        @JsonProperty("last_failure")
        String lastFailure;
    }
}
