package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.incidentconsole.coordination.SharedCopy;
import org.incidentconsole.coordination.SharedEvent;
import org.incidentconsole.coordination.StreamId;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merged report from files alone (no Redis): this console's events the shared timeline does not hold yet
 * close it, said in the header; records of different consoles share sequence numbers.
 */
class SharedReportOfflineTest {
    @TempDir
    Path dir;

    private long stream = 1_000;

    private SharedEvent shared(String console, String operator, JournalRecord r) {
        StreamId id = new StreamId(stream++, 0);
        return new SharedEvent(SharedEvent.eid(console, r.seq()), console, operator, r.ts(), id, id, r);
    }

    private JournalRecord other(long seq, IncidentEvent e) {
        return new JournalRecord(seq, Instant.parse("2026-11-24T14:00:00Z").plusSeconds(seq),
                JournalRecord.SCHEMA_VERSION, e);
    }

    @Test
    void events_of_this_console_not_shared_yet_close_the_report_and_the_header_says_how_many() throws Exception {
        IncidentStore store = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC());
        List<SharedEvent> copy = new ArrayList<>();
        Path incident;
        try (IncidentSession jana = store.start("Queue stuck", "alert", Severity.P2, "drill", "Jana", null, "UTC")) {
            incident = jana.journalFile().getParent();
            jana.record(new IncidentEvent.IncidentShared("console-jana", "127.0.0.1:6380 db 0", "operator", false,
                    null)).join();
            jana.record(new IncidentEvent.NoteAdded("draining the queue", null)).join();
            for (JournalRecord r : JournalReader.read(jana.journalFile()).records()) { // start, shared, note
                copy.add(shared("console-jana", "Jana", r));
            }
            // Omar joined: his records have sequence numbers Jana's have too
            copy.add(shared("console-omar", "Omar", other(3, new IncidentEvent.IncidentShared("console-omar",
                    "127.0.0.1:6380 db 0", "comms", true, "Omar"))));
            copy.add(shared("console-omar", "Omar", other(4, new IncidentEvent.NoteAdded("status page updated",
                    "Omar"))));
            jana.record(new IncidentEvent.NoteAdded("queue drained while offline", null)).join();
            jana.record(new IncidentEvent.Milestone("RECOVERED", "offline too")).join();
        }
        try (SharedCopy c = SharedCopy.open(incident)) {
            c.append(copy);
        }

        SharedReport.Rendered rendered = SharedReport.prepare(incident);
        StringBuilder md = new StringBuilder();
        rendered.report().writeTo(md);
        String report = md.toString();

        assertThat(rendered.describe()).isEqualTo("merged timeline of 2 consoles, 7 events (2 of this console's"
                + " not shared yet)");
        assertThat(report).contains("**Note:** 2 events of this console (console-jana) were not shared yet: they"
                + " close the timeline in this console's order, and the other consoles' reports do not hold them"
                + " yet.")
                .contains("Consoles: `console-jana` (Jana), `console-omar` (Omar)");
        assertThat(report.indexOf("Note by Omar: status page updated")).as("both seq 4, both reported")
                .isPositive().isLessThan(report.indexOf("Note by Jana: queue drained while offline"));
        assertThat(report.indexOf("Note by Jana: draining the queue")).isPositive()
                .isLessThan(report.indexOf("Note by Omar: status page updated"));
        assertThat(SharedReportTest.count(report, "Note by Jana: queue drained while offline")).isEqualTo(1);

        try (SharedCopy c = SharedCopy.open(incident)) { // now the stream has them: the note goes away
            List<JournalRecord> local = JournalReader.read(incident.resolve("journal.jsonl")).records();
            c.append(List.of(shared("console-jana", "Jana", local.get(3)), shared("console-jana", "Jana",
                    local.get(4))));
        }
        SharedReport.Rendered after = SharedReport.prepare(incident);
        StringBuilder md2 = new StringBuilder();
        after.report().writeTo(md2);
        assertThat(md2.toString()).doesNotContain("**Note:**").contains("queue drained while offline");
        assertThat(after.unshared()).isZero();
    }

    @Test
    void a_joined_consoles_copy_of_the_start_stays_out_and_a_second_start_in_the_stream_is_left_out()
            throws Exception {
        Path incident = Files.createDirectories(dir.resolve("INC-join"));
        IncidentEvent.Started start = new IncidentEvent.Started("INC-join", "Disk full", "alert", Severity.P1,
                "drill", "Jana", null, "UTC", null, null);
        List<JournalRecord> omarsJournal = List.of(other(1, start), other(2, new IncidentEvent.IncidentShared(
                "console-omar", "redis", "operator", true, "Omar")), other(3, new IncidentEvent.NoteAdded(
                "df says 100%", "Omar")));
        List<SharedEvent> copy = List.of(shared("console-jana", "Jana", other(1, start)),
                shared("console-omar", "Omar", omarsJournal.get(1)),
                shared("console-bad", "Bad", other(1, start)));

        SharedReport.Rendered r = SharedReport.prepare(copy, omarsJournal, List.of());
        StringBuilder md = new StringBuilder();
        r.report().writeTo(md);

        assertThat(r.unshared()).as("only the note: the start is Jana's, not Omar's act").isEqualTo(1);
        assertThat(r.warnings()).containsExactly("1 more start record(s) in the shared timeline left out: the "
                + "incident started once, on its first console");
        assertThat(SharedReportTest.count(md.toString(), "Incident started by Jana")).isEqualTo(1);
        assertThat(md.toString()).contains("Note by Omar: df says 100%");
    }
}
