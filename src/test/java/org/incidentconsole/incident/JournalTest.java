package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T16:55:01Z"), ZoneOffset.UTC);

    private IncidentSession startWithHistory(IncidentStore store) throws Exception {
        IncidentSession s = store.start("API 500s after deploy", "Health endpoint failing", Severity.P1,
                "production", "jane", "emergency-rollback.md", "Europe/Berlin");
        s.record(new IncidentEvent.VariableSet("deployed_ref", "abc1234", "rollback-from")).get();
        s.record(new IncidentEvent.VariableSet("stable_ref", "def5678", "rollback-to")).get();
        s.record(new IncidentEvent.DangerConfirmed("Roll back › Step 2", "git checkout def5678",
                "changes the code that serves users", "production", "jane")).get();
        s.record(new IncidentEvent.StepStarted("Roll back › Step 2", "web-01", "git checkout def5678")).get();
        s.record(new IncidentEvent.StepFinished("Roll back › Step 2", "web-01", "git checkout def5678",
                StepOutcome.OK, 0, 812,
                "exit status 0", "HEAD is now at def5678", Map.of())).get();
        s.record(new IncidentEvent.ChecklistToggled("After › Confirm", 94, "Health answers 200", true, "jane")).get();
        s.record(new IncidentEvent.SeverityChanged(Severity.P1, Severity.P0, "PII in logs", "jane")).get();
        s.record(new IncidentEvent.NoteAdded("customers notified", "jane")).get();
        return s;
    }

    @Test
    void every_record_is_one_json_line_with_sequence_time_version_and_type() throws Exception {
        IncidentStore store = new IncidentStore(dir, clock);
        IncidentSession s = startWithHistory(store);
        s.close();

        List<String> lines = Files.readAllLines(s.journalFile());
        assertThat(lines).hasSize(9);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var first = json.readTree(lines.get(0));
        assertThat(first.get("seq").asLong()).isEqualTo(1);
        assertThat(first.get("ts").asText()).isEqualTo("2026-11-23T16:55:01Z");
        assertThat(first.get("v").asInt()).isEqualTo(JournalRecord.SCHEMA_VERSION);
        assertThat(first.get("type").asText()).isEqualTo("incident-started");
        assertThat(first.get("data").get("id").asText()).isEqualTo(s.id());
        var last = json.readTree(lines.get(8));
        assertThat(last.get("seq").asLong()).isEqualTo(9);
        assertThat(last.get("type").asText()).isEqualTo("note");
        assertThat(s.id()).matches("INC-20261123-165501-[0-9a-f]{4}");
    }

    @Test
    void the_state_after_resume_equals_the_state_before() throws Exception {
        IncidentStore store = new IncidentStore(dir, clock);
        IncidentSession s = startWithHistory(store);
        IncidentState before = s.state();
        s.close();

        IncidentSession resumed = store.resume(s.id());

        assertThat(resumed.state()).isEqualTo(before);
        assertThat(resumed.warnings()).isEmpty();
        assertThat(before.severity()).isEqualTo(Severity.P0);
        assertThat(before.variables()).containsEntry("stable_ref", "def5678");
        assertThat(before.checklist().get(IncidentState.checklistKey("After › Confirm", 94)).checked()).isTrue();

        resumed.record(new IncidentEvent.NoteAdded("after resume", "jane")).get();
        resumed.close();
        assertThat(JournalReader.read(s.journalFile()).records()).extracting(JournalRecord::seq)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void unfinished_incidents_are_offered_and_resolved_ones_are_not() throws Exception {
        IncidentStore store = new IncidentStore(dir, clock);
        IncidentSession open = startWithHistory(store);
        open.close();
        IncidentSession done = store.start("Old one", "x", Severity.P3, "staging", "jane", null, "UTC");
        done.record(new IncidentEvent.Resolved("fixed", "jane")).get();
        done.close();

        assertThat(store.unfinished()).extracting(IncidentStore.Summary::id).containsExactly(open.id());
        assertThat(store.list()).hasSize(2);
    }

    @Test
    void a_torn_last_line_is_dropped_with_a_warning_and_kept_aside() throws Exception {
        IncidentStore store = new IncidentStore(dir, clock);
        IncidentSession s = startWithHistory(store);
        IncidentState before = s.state();
        s.close();
        Files.writeString(s.journalFile(), "{\"seq\":10,\"ts\":\"2026-11-23T16:5", StandardOpenOption.APPEND);

        JournalReader.Loaded loaded = JournalReader.read(s.journalFile());
        assertThat(loaded.records()).hasSize(9);
        assertThat(loaded.warnings()).singleElement().asString().contains("line 10").contains("cut off by a crash");

        IncidentSession resumed = store.resume(s.id());
        assertThat(resumed.state()).isEqualTo(before);
        assertThat(resumed.warnings()).anyMatch(w -> w.contains("journal.jsonl.torn-10"));
        assertThat(Files.readString(s.journalFile().resolveSibling("journal.jsonl.torn-10")))
                .isEqualTo("{\"seq\":10,\"ts\":\"2026-11-23T16:5");
        resumed.record(new IncidentEvent.NoteAdded("continues cleanly", "jane")).get();
        resumed.close();
        assertThat(JournalReader.read(s.journalFile()).warnings()).isEmpty();
    }

    @Test
    void an_unparsable_complete_last_line_is_dropped_with_a_warning() throws Exception {
        IncidentSession s = startWithHistory(new IncidentStore(dir, clock));
        s.close();
        Files.writeString(s.journalFile(), "garbage\n", StandardOpenOption.APPEND);
        JournalReader.Loaded loaded = JournalReader.read(s.journalFile());
        assertThat(loaded.records()).hasSize(9);
        assertThat(loaded.warnings()).singleElement().asString().contains("line 10").contains("not a valid record");
    }

    @Test
    void damage_before_the_last_line_stops_the_load_with_its_line_and_leaves_the_file_untouched() throws Exception {
        IncidentSession s = startWithHistory(new IncidentStore(dir, clock));
        s.close();
        List<String> lines = Files.readAllLines(s.journalFile());
        lines.set(3, lines.get(3).substring(0, 20) + "#" + lines.get(3).substring(21));
        Files.write(s.journalFile(), lines);
        byte[] damaged = Files.readAllBytes(s.journalFile());

        assertThatThrownBy(() -> JournalReader.read(s.journalFile())).isInstanceOf(JournalException.class)
                .hasMessageContaining(":4: damaged record").hasMessageContaining("left untouched");
        assertThatThrownBy(() -> new IncidentStore(dir, clock).resume(s.id())).isInstanceOf(JournalException.class);
        assertThat(Files.readAllBytes(s.journalFile())).isEqualTo(damaged);
    }

    @Test
    void a_missing_record_in_the_middle_is_damage_too() throws Exception {
        IncidentSession s = startWithHistory(new IncidentStore(dir, clock));
        s.close();
        List<String> lines = new ArrayList<>(Files.readAllLines(s.journalFile()));
        lines.remove(4);
        Files.write(s.journalFile(), lines);
        assertThatThrownBy(() -> JournalReader.read(s.journalFile())).isInstanceOf(JournalException.class)
                .hasMessageContaining(":5: damaged record: sequence 6 where 5 was expected");
    }

    @Test
    void the_journal_holds_exactly_what_was_written_in_utf8() throws Exception {
        IncidentSession s = new IncidentStore(dir, clock).start("Ausfall – Zahlungen 🚨", "x", Severity.P0,
                "production", "jörg", null, "UTC");
        s.close();
        assertThat(new String(Files.readAllBytes(s.journalFile()), StandardCharsets.UTF_8))
                .contains("Ausfall – Zahlungen 🚨", "jörg");
        assertThat(JournalReader.read(s.journalFile()).records().get(0).data())
                .isInstanceOf(IncidentEvent.Started.class);
    }
}
