package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Incidents are bound to their environment and inventory; resolved incidents refuse acts until reopened. */
class IncidentStoreBindingTest {
    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC);
    private static final List<String> DRILL_HOSTS = List.of("drill-web-01");
    private static final List<String> PROD_HOSTS = List.of("web-02", "web-01");

    private static IncidentBinding binding(String environment) {
        return environment.equals("drill") ? IncidentBinding.of("drill", "drill", DRILL_HOSTS)
                : IncidentBinding.of(environment, "inventory", PROD_HOSTS);
    }

    @ParameterizedTest(name = "an incident started on {0} is never offered nor resumed on {1}")
    @CsvSource({"production, drill", "drill, production", "staging, production"})
    void an_incident_from_another_environment_is_listed_apart_with_the_reason_and_refused(String from, String here)
            throws Exception {
        IncidentStore store = new IncidentStore(dir, clock);
        String other;
        try (IncidentSession s = store.start("Checkout down", "alert", Severity.P1, binding(from), "jana", null, "UTC")) {
            other = s.id();
        }
        String mine;
        try (IncidentSession s = store.start("Drill day", "alert", Severity.P2, binding(here), "jana", null, "UTC")) {
            mine = s.id();
        }

        List<IncidentStore.Candidate> listed = store.candidates(binding(here));
        assertThat(listed).filteredOn(IncidentStore.Candidate::resumable)
                .extracting(c -> c.summary().id()).containsExactly(mine);
        assertThat(listed).filteredOn(c -> !c.resumable()).singleElement().satisfies(c -> {
            assertThat(c.summary().id()).isEqualTo(other);
            assertThat(c.refusal()).contains("started on " + from.toUpperCase())
                    .contains("this console is on " + here.toUpperCase());
        });
        long before = Files.size(dir.resolve(other).resolve(Journal.FILE_NAME));
        assertThatThrownBy(() -> store.resume(other, binding(here), "jana"))
                .isInstanceOf(IncidentMismatchException.class).hasMessageContaining(other + " cannot be resumed here");
        assertThat(Files.size(dir.resolve(other).resolve(Journal.FILE_NAME))).as("nothing written").isEqualTo(before);
        try (IncidentSession back = store.resume(other, binding(from), "jana")) {
            assertThat(back.id()).isEqualTo(other);
        }
    }

    @Test
    void same_environment_with_other_hosts_is_another_inventory_and_is_refused() throws Exception {
        IncidentStore store = new IncidentStore(dir, clock);
        String id;
        try (IncidentSession s = store.start("t", "x", Severity.P2, IncidentBinding.of("production", "eu", PROD_HOSTS),
                "jana", null, "UTC")) {
            id = s.id();
        }
        IncidentBinding us = IncidentBinding.of("production", "us", List.of("us-web-01"));
        assertThat(store.candidates(us)).singleElement().extracting(IncidentStore.Candidate::refusal).asString()
                .contains("inventory eu");
        assertThat(IncidentBinding.fingerprint(List.of("b", "a"))).isEqualTo(IncidentBinding.fingerprint(List.of("a", "b")));
    }

    @Test
    void a_journal_from_before_bindings_resumes_in_its_environment() throws Exception {
        Path old = dir.resolve("INC-20261123-165501-1a2b");
        Files.createDirectories(old);
        Files.writeString(old.resolve(Journal.FILE_NAME), "{\"seq\":1,\"ts\":\"2026-11-23T16:55:01Z\",\"v\":1,"
                + "\"type\":\"incident-started\",\"data\":{\"id\":\"INC-20261123-165501-1a2b\",\"title\":\"old\","
                + "\"trigger\":\"x\",\"severity\":\"P1\",\"environment\":\"drill\",\"operator\":\"root\","
                + "\"runbook\":null,\"zone\":\"UTC\"}}\n");
        IncidentStore store = new IncidentStore(dir, clock);
        assertThat(store.candidates(binding("drill"))).singleElement().extracting(IncidentStore.Candidate::refusal)
                .isNull();
        assertThat(store.candidates(binding("production"))).singleElement()
                .extracting(IncidentStore.Candidate::refusal).asString().contains("started on DRILL");
        try (IncidentSession s = store.resume(old.getFileName().toString(), binding("drill"), "jana")) {
            assertThat(s.state().started().title()).isEqualTo("old");
            assertThat(s.operator()).isEqualTo("jana");
        }
    }

    @Test
    void every_act_is_signed_by_the_named_operator_and_a_hand_over_is_journaled() throws Exception {
        IncidentStore store = new IncidentStore(dir, clock);
        try (IncidentSession s = store.start("t", "x", Severity.P2, binding("drill"), "jana", null, "UTC")) {
            s.record(new IncidentEvent.NoteAdded("checked the logs", "root")).get();
            s.record(new IncidentEvent.ChecklistToggled("1", 3, "item", true, "root")).get();
            s.handOver("petr").get();
            s.record(new IncidentEvent.DangerConfirmed("2", "git reset --hard", "resets", "drill", "root")).get();
            List<IncidentEvent> events = JournalReader.read(s.journalFile()).records().stream()
                    .map(JournalRecord::data).toList();
            assertThat(events).filteredOn(IncidentEvent.SessionOpened.class::isInstance).singleElement()
                    .isInstanceOfSatisfying(IncidentEvent.SessionOpened.class, o -> {
                        assertThat(o.operator()).isEqualTo("jana");
                        assertThat(o.osUser()).isEqualTo(System.getProperty("user.name"));
                        assertThat(o.machine()).isNotBlank();
                    });
            assertThat(events).contains(new IncidentEvent.NoteAdded("checked the logs", "jana"),
                    new IncidentEvent.ChecklistToggled("1", 3, "item", true, "jana"),
                    new IncidentEvent.OperatorChanged("jana", "petr", "jana"),
                    new IncidentEvent.DangerConfirmed("2", "git reset --hard", "resets", "drill", "petr"));
            assertThat(s.state().lifecycle().operator()).isEqualTo("petr");
        }
    }

    @Test
    void a_resolved_incident_refuses_acts_until_it_is_reopened_and_keeps_taking_postmortem_fields()
            throws Exception {
        IncidentStore store = new IncidentStore(dir, clock);
        try (IncidentSession s = store.start("t", "x", Severity.P2, binding("drill"), "jana", null, "UTC")) {
            s.record(new IncidentEvent.StatusChanged(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, null))
                    .get();
            s.record(new IncidentEvent.Resolved("rolled back", "jana")).get();
            assertThat(s.state().lifecycle().status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(s.state().lifecycle().resolvedAt()).isEqualTo(clock.instant());
            assertThatThrownBy(() -> s.record(new IncidentEvent.NoteAdded("late note", "jana")).get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IncidentResolvedException.class)
                    .hasMessageContaining("is resolved: reopen it before adding a note");
            s.record(new IncidentEvent.FieldSet("root-cause", "a bad deploy", "jana")).get();
            s.record(new IncidentEvent.Reopened("error rate back", "jana")).get();
            s.record(new IncidentEvent.NoteAdded("late note", "jana")).get();
            assertThat(s.state().resolved()).isFalse();
            assertThat(s.state().lifecycle().status()).isEqualTo(IncidentStatus.INVESTIGATING);
            assertThat(s.state().notes()).containsExactly("late note");
        }
    }

    @Test
    void signing_changes_only_the_signer_of_every_event_type_that_has_one() throws Exception {
        int signed = 0;
        for (Class<?> type : IncidentEvent.class.getPermittedSubclasses()) {
            var components = type.getRecordComponents();
            if (Arrays.stream(components).noneMatch(c -> c.getName().equals("by"))) {
                continue;
            }
            Object[] args = Arrays.stream(components).map(c -> sample(c.getType(), c.getName())).toArray();
            IncidentEvent before = (IncidentEvent) type.getDeclaredConstructor(Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(args);
            IncidentEvent after = ActSigner.sign(before, "jana");
            for (var c : components) {
                Object value = c.getAccessor().invoke(after);
                assertThat(value).as(type.getSimpleName() + "." + c.getName())
                        .isEqualTo(c.getName().equals("by") ? "jana" : c.getAccessor().invoke(before));
            }
            signed++;
        }
        assertThat(signed).isGreaterThanOrEqualTo(14);
        System.out.println("event types signed by the session: " + signed);
    }

    private static Object sample(Class<?> type, String name) {
        if (type == String.class) {
            return "v-" + name;
        } else if (type == int.class) {
            return 7;
        } else if (type == long.class) {
            return 7L;
        } else if (type == List.class) {
            return List.of("v-" + name);
        } else if (type == boolean.class) {
            return true;
        } else if (type == Severity.class) {
            return Severity.P1;
        } else if (type == IncidentStatus.class) {
            return IncidentStatus.MONITORING;
        } else if (type == Map.class) {
            return Map.of("k", "v");
        }
        return null;
    }

    @org.junit.jupiter.api.Test
    void a_run_the_journal_saw_start_but_never_end_is_journaled_unknown_once_on_resume() throws Exception {
        IncidentStore store = new IncidentStore(dir, clock);
        String id;
        try (IncidentSession s = store.start("Checkout down", "alert", Severity.P1, binding("drill"), "jana", null,
                "UTC")) {
            id = s.id();
            s.record(new IncidentEvent.StepStarted("Rollback › Switch", "drill-web-01", "git checkout v1")).get();
            s.record(new IncidentEvent.StepStarted("Rollback › Look", "drill-web-01", "git log")).get();
            s.record(new IncidentEvent.StepFinished("Rollback › Look", "drill-web-01", "git log", StepOutcome.OK, 0,
                    5, null,
                    "", null)).get();
        }
        try (IncidentSession back = store.resume(id, binding("drill"), "ana")) {
            assertThat(back.state().walk().interrupted()).isEmpty();
        }
        try (IncidentSession again = store.resume(id, binding("drill"), "ana")) {
            List<IncidentEvent.StepFinished> finished = JournalReader.read(again.journalFile()).records().stream()
                    .map(JournalRecord::data).filter(IncidentEvent.StepFinished.class::isInstance)
                    .map(IncidentEvent.StepFinished.class::cast).toList();
            assertThat(finished).extracting(f -> f.step() + " " + f.outcome()).as("journaled once, not per resume")
                    .containsExactly("Rollback › Look OK", "Rollback › Switch UNKNOWN");
            assertThat(finished.get(1).reason()).contains("the console stopped while this step ran");
        }
    }
}
