package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Severities and step outcomes are types in memory and the same words on disk: old journals load as they are. */
class OldJournalTypesTest {
    private static final String STARTED = "{\"seq\":1,\"ts\":\"2026-11-20T09:12:00Z\",\"v\":1,\"data\":{\"id\":"
            + "\"INC-1\",\"title\":\"Invoices stuck\",\"trigger\":\"alert\",\"severity\":\"P1\",\"environment\":"
            + "\"drill\",\"operator\":\"ines\",\"runbook\":null,\"zone\":\"UTC\"},\"type\":\"incident-started\"}";

    @TempDir
    Path dir;

    private static String finished(int seq, String outcome) {
        return "{\"seq\":" + seq + ",\"ts\":\"2026-11-20T09:12:18Z\",\"v\":1,\"data\":{\"step\":\"Stall › Step 1\","
                + "\"host\":\"web-01\",\"command\":\"supervisorctl status\",\"outcome\":\"" + outcome + "\","
                + "\"exitStatus\":null,\"durationMs\":310,\"reason\":\"r\",\"output\":\"\",\"redactions\":{}},"
                + "\"type\":\"step-finished\"}";
    }

    private Path journal(String... lines) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({"OK, OK, true", "FAILED, FAILED, false", "CANCELLED, CANCELLED, false", "UNKNOWN, UNKNOWN, false"})
    void an_old_step_finished_line_loads_its_outcome_word_as_the_enum(String word, StepOutcome outcome, boolean ok)
            throws Exception {
        List<JournalRecord> records = JournalReader.read(journal(STARTED, finished(2, word))).records();

        assertThat(records.get(1).data()).isInstanceOfSatisfying(IncidentEvent.StepFinished.class, f -> {
            assertThat(f.outcome()).isEqualTo(outcome);
            assertThat(f.outcome().ok()).isEqualTo(ok);
        });
    }

    @Test
    void an_old_started_line_loads_its_severity_with_label_and_meaning() throws Exception {
        String changed = "{\"seq\":2,\"ts\":\"2026-11-20T09:14:00Z\",\"v\":1,\"data\":{\"from\":\"P1\",\"to\":\"P3\","
                + "\"reason\":\"draining\",\"by\":\"ines\"},\"type\":\"severity-changed\"}";
        List<JournalRecord> records = JournalReader.read(journal(STARTED, changed)).records();

        assertThat(((IncidentEvent.Started) records.get(0).data()).severity()).isEqualTo(Severity.P1)
                .extracting(Severity::label).isEqualTo("major");
        assertThat(((IncidentEvent.SeverityChanged) records.get(1).data()).to()).isEqualTo(Severity.P3);
    }

    @Test
    void the_fixture_written_before_the_postmortem_still_loads_with_typed_fields() throws Exception {
        List<JournalRecord> records = JournalReader.read(Path.of("src/test/resources/journals/before-postmortem.jsonl"))
                .records();

        assertThat(records).extracting(JournalRecord::data).filteredOn(IncidentEvent.StepFinished.class::isInstance)
                .isNotEmpty().allSatisfy(e -> assertThat(((IncidentEvent.StepFinished) e).outcome())
                        .isEqualTo(StepOutcome.OK));
        assertThat(((IncidentEvent.Started) records.get(0).data()).severity()).isEqualTo(Severity.P2);
    }

    @Test
    void the_journal_still_writes_the_words_a_person_reads() {
        var finished = new IncidentEvent.StepFinished("Stall › Step 1", "web-01", "ls", StepOutcome.FAILED, 2, 5,
                "exit status 2", "", Map.of());
        var started = new IncidentEvent.Started("INC-1", "t", "x", Severity.P0, "drill", "ines", null, "UTC");

        assertThat(JournalCodec.line(new JournalRecord(2, Instant.EPOCH, JournalRecord.SCHEMA_VERSION, finished)))
                .contains("\"outcome\":\"FAILED\"");
        assertThat(JournalCodec.line(new JournalRecord(1, Instant.EPOCH, JournalRecord.SCHEMA_VERSION, started)))
                .contains("\"severity\":\"P0\"");
    }

    @Test
    void an_unknown_outcome_word_stops_the_load_with_its_file_line_and_the_known_words() throws Exception {
        Path file = journal(STARTED, finished(2, "SKIPPED"), finished(3, "OK"));

        assertThatThrownBy(() -> JournalReader.read(file)).isInstanceOf(JournalException.class)
                .hasMessage(file + ":2: damaged record: not a valid record (unknown step outcome \"SKIPPED\" (known: "
                        + "OK, FAILED, CANCELLED, UNKNOWN, NOT_RUN)); the journal was left untouched");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({"done, DONE", "skipped, SKIPPED", "skipped-unattended, SKIPPED_UNATTENDED"})
    void an_old_manual_step_mark_loads_as_the_enum_and_is_written_as_the_same_word(String word, ManualMark mark)
            throws Exception {
        String line = "{\"seq\":2,\"ts\":\"2026-11-20T09:13:00Z\",\"v\":2,\"data\":{\"step\":\"Stall › Tell\","
                + "\"mark\":\"" + word + "\",\"reason\":null,\"by\":\"ines\"},\"type\":\"manual-step-marked\"}";
        JournalRecord record = JournalReader.read(journal(STARTED, line)).records().get(1);

        assertThat(((IncidentEvent.ManualStepMarked) record.data()).mark()).isEqualTo(mark);
        assertThat(JournalCodec.line(record)).contains("\"mark\":\"" + word + "\"");
    }

    @Test
    void an_unknown_manual_mark_in_the_last_line_is_dropped_with_a_warning_naming_it() throws Exception {
        String line = "{\"seq\":2,\"ts\":\"2026-11-20T09:13:00Z\",\"v\":2,\"data\":{\"step\":\"Stall › Tell\","
                + "\"mark\":\"maybe\",\"reason\":null,\"by\":\"ines\"},\"type\":\"manual-step-marked\"}";
        JournalReader.Loaded loaded = JournalReader.read(journal(STARTED, line));

        assertThat(loaded.records()).hasSize(1);
        assertThat(loaded.warnings()).singleElement().asString().contains("line 2 of ")
                .contains("unknown manual step mark \"maybe\" (known: done, skipped, skipped-unattended)");
    }
}
