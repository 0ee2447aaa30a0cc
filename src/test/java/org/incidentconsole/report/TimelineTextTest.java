package org.incidentconsole.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The timeline's table of renderers: every event type gets a line, and none ends at a bare arrow. */
class TimelineTextTest {
    @Test
    void every_event_type_has_a_line_of_its_own() throws Exception {
        for (Class<?> type : IncidentEvent.class.getPermittedSubclasses()) {
            IncidentEvent e = sample(type);
            String line = TimelineText.of(e);
            assertThat(line).as(type.getSimpleName()).isNotBlank().isNotEqualTo(TimelineText.generic(e));
            assertThat(line).as(type.getSimpleName()).doesNotMatch(".*→\\s*$");
        }
    }

    @Test
    void an_event_without_a_renderer_is_named_with_its_fields() {
        assertThat(TimelineText.generic(new IncidentEvent.RoleAssigned("comms", "omar", "jane")))
                .isEqualTo("Role Assigned: role comms, person omar, by jane");
    }

    @Test
    void a_breaker_key_deleted_or_created_says_so() {
        assertThat(TimelineText.of(new IncidentEvent.BreakerAction("delete", "cb:x:failures", "47", null, "ok")))
                .isEqualTo("Breaker delete `cb:x:failures`: 47 → deleted");
        assertThat(TimelineText.of(new IncidentEvent.BreakerAction("trip", "cb:x:state", "", "open", "ok")))
                .isEqualTo("Breaker trip `cb:x:state`: absent → open");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "delivered | 200 | ok                  | 1 | Message delivered on ops",
            "delivered | 200 | ok                  | 3 | Message delivered on ops after 3 tries",
            "failed    | 404 | no_service          | 1 | Message failed on ops: no\\_service (status 404)",
            "failed    |     | connection refused  | 4 | Message failed on ops after 4 tries: connection refused",
            "cancelled | 429 | rate limited        | 2 | Message cancelled on ops after 2 tries: rate limited"})
    void a_delivery_says_how_it_settled_with_the_servers_words_only_when_it_did_not_arrive(String result,
            Integer status, String reason, int attempts, String line) {
        assertThat(TimelineText.of(new IncidentEvent.MessageDelivery("m1", "ops", result, status, reason, attempts,
                null))).isEqualTo(line);
    }

    private static IncidentEvent sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> ctor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                .toArray(Class<?>[]::new));
        return (IncidentEvent) ctor.newInstance(Arrays.stream(components).map(c -> value(c.getType())).toArray());
    }

    private static Object value(Class<?> t) {
        if (t == String.class) {
            return "ROLLED_BACK";
        } else if (t == int.class || t == Integer.class) {
            return 1;
        } else if (t == long.class) {
            return 1L;
        } else if (t == double.class) { // #19 trends
            return 1.5;
        } else if (t == boolean.class) {
            return true;
        } else if (t == Severity.class) {
            return Severity.P1;
        } else if (t == List.class) {
            return List.of();
        } else if (t == Map.class) {
            return Map.of();
        }
        return null;
    }
}
