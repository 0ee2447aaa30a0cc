package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentMismatchException;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's incident service over real journals in a temp data directory. */
class IncidentServiceTest {
    private static final IncidentBinding DRILL = IncidentBinding.of("drill", "inventory.yaml", List.of("drill-web-01"));
    /** 23:30 UTC is already the next day in Berlin: the report's file name follows the operator's zone. */
    private static final Clock LATE = Clock.fixed(Instant.parse("2026-11-23T23:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static List<IncidentEvent> events(IncidentSession s) throws Exception {
        return JournalReader.read(s.journalFile()).records().stream().map(JournalRecord::data).toList();
    }

    @Test
    void nothing_is_current_until_an_incident_is_started_which_then_is_journaled_with_its_binding() throws Exception {
        try (IncidentService incidents = new IncidentService(dir, LATE, ZoneId.of("Europe/Berlin"))) {
            assertThat(incidents.current()).isNull();

            IncidentSession started = incidents.start("Checkout down", "alert", Severity.P1, DRILL, "jana");

            assertThat(incidents.current()).isSameAs(started);
            assertThat(started.journalFile()).startsWith(dir.resolve("incidents"));
            assertThat(events(started)).first().isInstanceOfSatisfying(IncidentEvent.Started.class, s -> {
                assertThat(s.title()).isEqualTo("Checkout down");
                assertThat(s.environment()).isEqualTo("drill");
                assertThat(s.operator()).isEqualTo("jana");
                assertThat(s.zone()).isEqualTo("Europe/Berlin");
            });
        }
    }

    @Test
    void an_unfinished_incident_is_listed_and_resumed_by_another_console_of_the_same_inventory() throws Exception {
        String id;
        try (IncidentService first = new IncidentService(dir, Clock.systemUTC(), ZoneOffset.UTC)) {
            id = first.start("Payments slow", "p95 4 s", Severity.P1, DRILL, "jana").id();
        }
        try (IncidentService second = new IncidentService(dir, Clock.systemUTC(), ZoneOffset.UTC)) {
            assertThat(second.candidates(DRILL)).extracting(c -> c.summary().id()).containsExactly(id);

            IncidentSession resumed = second.resume(id, DRILL, "bob");

            assertThat(second.current()).isSameAs(resumed);
            assertThat(resumed.id()).isEqualTo(id);
            assertThat(resumed.operator()).isEqualTo("bob");
            assertThat(resumed.state().lifecycle().title()).isEqualTo("Payments slow");
        }
    }

    @Test
    void an_incident_of_another_environment_is_refused_and_the_current_one_stays() throws Exception {
        try (IncidentService incidents = new IncidentService(dir, Clock.systemUTC(), ZoneOffset.UTC)) {
            String production = incidents.start("Payments down", "pager", Severity.P0,
                    IncidentBinding.of("production", "inventory.yaml", List.of("web-01")), "eva").id();
            IncidentSession drill = incidents.start("Drill", "practice", Severity.P3, DRILL, "jana");

            assertThatThrownBy(() -> incidents.resume(production, DRILL, "jana"))
                    .isInstanceOf(IncidentMismatchException.class).hasMessageStartingWith(production);
            assertThat(incidents.current()).isSameAs(drill);
        }
    }

    @Test
    void starting_another_incident_closes_the_previous_session_and_keeps_its_journal() throws Exception {
        try (IncidentService incidents = new IncidentService(dir, Clock.systemUTC(), ZoneOffset.UTC)) {
            IncidentSession first = incidents.start("First", "alert", Severity.P2, DRILL, "jana");
            IncidentSession second = incidents.start("Second", "alert", Severity.P2, DRILL, "jana");

            assertThat(incidents.current()).isSameAs(second);
            assertThat(first.journalFile()).exists();
            assertThat(events(first)).hasAtLeastOneElementOfType(IncidentEvent.Started.class);
            assertThat(incidents.candidates(DRILL)).extracting(c -> c.summary().id())
                    .containsExactlyInAnyOrder(first.id(), second.id());
        }
    }

    @Test
    void current_or_start_opens_one_plain_incident_only_when_none_is_open() throws Exception {
        try (IncidentService incidents = new IncidentService(dir, Clock.systemUTC(), ZoneOffset.UTC)) {
            IncidentSession opened = incidents.currentOrStart(DRILL, "jana");
            IncidentSession again = incidents.currentOrStart(DRILL, "bob");

            assertThat(again).isSameAs(opened);
            assertThat(opened.state().lifecycle().title()).isEqualTo("Incident on drill");
            assertThat(opened.state().severity()).isEqualTo(Severity.P2);
            assertThat(incidents.candidates(DRILL)).hasSize(1);
        }
    }

    @Test
    void the_report_is_written_privately_under_reports_and_its_export_is_journaled() throws Exception {
        try (IncidentService incidents = new IncidentService(dir, LATE, ZoneId.of("Europe/Berlin"))) {
            IncidentSession session = incidents.start("Checkout down", "alert", Severity.P1, DRILL, "jana");

            IncidentService.Report report = incidents.exportReport();

            assertThat(report.file()).isEqualTo(dir.resolve("reports").resolve(session.id() + ".md"));
            assertThat(Files.readString(report.file())).isEqualTo(report.markdown()).contains("Checkout down");
            assertThat(report.suggestedName()).isEqualTo(session.id() + "-2026-11-24.md");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report.file())))
                    .isEqualTo("rw-------");
            assertThat(events(session)).contains(new IncidentEvent.ReportExported(report.file().toString()));
        }
    }

    @Test
    void exporting_with_no_incident_open_is_refused_with_a_sentence() {
        try (IncidentService incidents = new IncidentService(dir, Clock.systemUTC(), ZoneOffset.UTC)) {
            assertThatThrownBy(incidents::exportReport).isInstanceOf(IllegalStateException.class)
                    .hasMessage("no incident is open: start or resume one first");
            assertThat(dir.resolve("reports")).doesNotExist();
        }
    }
}
