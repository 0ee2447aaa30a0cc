package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.incidentconsole.redact.Redactor;
import org.junit.jupiter.api.Test;

/** Every event type the journal knows: each free-text field is redacted, each identifier kept as it is. */
class EventScrubberTest {
    private static final String SECRET = "Zq8xHunter2Secret";
    private static final String TEXT = "see PGPASSWORD=" + SECRET + " now";
    private final EventScrubber scrubber = new EventScrubber(new Redactor());

    @Test
    void every_string_field_of_every_event_type_is_redacted_unless_listed_as_kept() throws Exception {
        Class<?>[] types = IncidentEvent.class.getPermittedSubclasses();
        assertThat(types).hasSizeGreaterThanOrEqualTo(18);
        List<String> checked = new ArrayList<>();
        for (Class<?> type : types) {
            RecordComponent[] components = type.getRecordComponents();
            Constructor<?> ctor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            Object[] args = Arrays.stream(components).map(c -> sample(c.getType())).toArray();
            IncidentEvent scrubbed = scrubber.scrub((IncidentEvent) ctor.newInstance(args));
            for (RecordComponent c : components) {
                if (c.getType() != String.class) {
                    continue;
                }
                String name = type.getSimpleName() + "." + c.getName();
                Object value = c.getAccessor().invoke(scrubbed);
                if (EventScrubber.KEPT.contains(name)) {
                    assertThat(value).as(name + " is kept").isEqualTo(TEXT);
                } else {
                    assertThat((String) value).as(name + " is redacted").doesNotContain(SECRET).contains("[REDACTED:");
                }
                checked.add(name);
            }
        }
        assertThat(checked).containsAll(EventScrubber.KEPT);
        System.out.println("event fields checked: " + checked.size() + ", kept verbatim: " + EventScrubber.KEPT.size());
    }

    @Test
    void checklist_items_inside_a_loaded_runbook_are_redacted() {
        var loaded = new IncidentEvent.RunbookLoaded("rb.md", "t", List.of(new IncidentEvent.RunbookLoaded.StepOutline(
                "1", 3, List.of(new IncidentEvent.RunbookLoaded.Item(4, TEXT)))));
        var scrubbed = (IncidentEvent.RunbookLoaded) scrubber.scrub(loaded);
        assertThat(scrubbed.steps().get(0).checklist().get(0).text()).doesNotContain(SECRET);
    }

    @Test
    void a_value_under_a_secret_name_is_hidden_whole_and_an_ordinary_one_stays_readable() {
        assertThat(scrubber.scrub(new IncidentEvent.VariableSet("db_password", "hunter2", null)))
                .isEqualTo(new IncidentEvent.VariableSet("db_password", "[REDACTED:password]", null));
        assertThat(scrubber.scrub(new IncidentEvent.VariableSet("stable_ref",
                "9fceb02d0ae598e95dc970b74767f19372d61af8", "rollback-to"))).isEqualTo(new IncidentEvent.VariableSet(
                "stable_ref", "9fceb02d0ae598e95dc970b74767f19372d61af8", "rollback-to"));
        assertThat(scrubber.scrub(new IncidentEvent.BreakerAction("set", "feature:payments:api_token", "abc", "def",
                "ok"))).isEqualTo(new IncidentEvent.BreakerAction("set", "feature:payments:api_token",
                "[REDACTED:secret]", "[REDACTED:secret]", "ok"));
    }

    @Test
    void the_values_a_step_ran_with_are_redacted_each_under_its_name() {
        var started = new IncidentEvent.StepStarted("1", "web-01", "deploy", Map.of("db_password", "hunter2",
                "note", TEXT, "stable_ref", "def5678"));
        assertThat(((IncidentEvent.StepStarted) scrubber.scrub(started)).values())
                .containsEntry("db_password", "[REDACTED:password]").containsEntry("stable_ref", "def5678")
                .hasEntrySatisfying("note", v -> assertThat(v).doesNotContain(SECRET).contains("[REDACTED:"));
        assertThat(((IncidentEvent.StepStarted) scrubber.scrub(new IncidentEvent.StepStarted("1", "h", "c")))
                .values()).as("a journal from before issue 15 has no values").isNull();
    }

    @Test
    void output_redaction_counts_grow_by_what_the_whole_text_pass_finds() {
        var f = new IncidentEvent.StepFinished("1", "web-01", "cat x", StepOutcome.OK, 0, 5, null,
                "{\"password\":\n \"x y\"}",
                Map.of("email", 1));
        var scrubbed = (IncidentEvent.StepFinished) scrubber.scrub(f);
        assertThat(scrubbed.output()).isEqualTo("{\"password\":\n [REDACTED:password]}");
        assertThat(scrubbed.redactions()).containsEntry("email", 1).containsEntry("password", 1);
    }

    private static Object sample(Class<?> type) {
        if (type == String.class) {
            return TEXT;
        } else if (type == int.class || type == Integer.class) {
            return 1;
        } else if (type == long.class || type == Long.class) {
            return 1L;
        } else if (type == double.class) { // #19 trends
            return 1.5;
        } else if (type == boolean.class) {
            return true;
        } else if (type.isEnum()) { // Severity, IncidentStatus, StepOutcome: kept as they are, never text
            return type.getEnumConstants()[0];
        } else if (type == Map.class) {
            return Map.of();
        } else if (type == List.class) {
            return List.of();
        }
        throw new IllegalStateException("no sample for " + type);
    }
}
