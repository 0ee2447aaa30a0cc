package org.incidentconsole.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every key of an incident lives under the prefix and the incident; names taken from runbooks cannot collide. */
class CoordinationKeysTest {
    private static final CoordinationKeys KEYS = new CoordinationKeys(CoordinationEndpoint.DEFAULT_PREFIX,
            "INC-2026-11-24-api");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "lock         | incident-console:coord:incident:INC-2026-11-24-api:lock:Step+5:web-01",
            "grants       | incident-console:coord:incident:INC-2026-11-24-api:grants",
            "fence        | incident-console:coord:incident:INC-2026-11-24-api:fence",
            "presence     | incident-console:coord:incident:INC-2026-11-24-api:presence:console-a",
            "present      | incident-console:coord:incident:INC-2026-11-24-api:present",
            "commander    | incident-console:coord:incident:INC-2026-11-24-api:commander",
            "approval     | incident-console:coord:incident:INC-2026-11-24-api:approval:r1",
            "approvalLive | incident-console:coord:incident:INC-2026-11-24-api:approval:r1:live",
            "approvals    | incident-console:coord:incident:INC-2026-11-24-api:approvals"})
    void each_key_is_under_the_prefix_and_the_incident(String kind, String expected) {
        String key = switch (kind) {
            case "lock" -> KEYS.lock("Step 5", "web-01");
            case "grants" -> KEYS.grants();
            case "fence" -> KEYS.fence();
            case "presence" -> KEYS.presence("console-a");
            case "present" -> KEYS.present();
            case "commander" -> KEYS.commander();
            case "approval" -> KEYS.approval("r1");
            case "approvalLive" -> KEYS.approvalLive("r1");
            default -> KEYS.approvals();
        };
        assertThat(key).isEqualTo(expected).startsWith(KEYS.incident());
    }

    @ParameterizedTest(name = "{0} on {1} vs {2} on {3}")
    @CsvSource({
            "a:b,     c,      a,       b:c",
            "Step 5,  web-01, Step+5,  web-01",
            "Step *,  web-01, Step ?,  web-01",
            "Step%3A, h,      Step:,   h"})
    void names_with_separators_or_pattern_characters_never_share_a_lock(String step1, String host1, String step2,
                                                                        String host2) {
        assertThat(KEYS.lock(step1, host1)).isNotEqualTo(KEYS.lock(step2, host2));
        assertThat(List.of(KEYS.lock(step1, host1), KEYS.lock(step2, host2)))
                .allSatisfy(k -> assertThat(k.substring(KEYS.incident().length())).doesNotContain("*", "?", "["));
    }

    @ParameterizedTest
    @CsvSource(value = {"'', INC-1", "p:, ''"})
    void a_blank_prefix_or_incident_is_refused(String prefix, String incident) {
        assertThatThrownBy(() -> new CoordinationKeys(prefix, incident)).isInstanceOf(IllegalArgumentException.class);
    }
}
