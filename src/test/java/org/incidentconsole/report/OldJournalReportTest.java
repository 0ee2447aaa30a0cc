package org.incidentconsole.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal written by the console before the postmortem fields existed (main at 3467bbd: no action item
 * type, owner or ticket, no roles or messages, {@code runbook: null} at the start although a runbook was
 * loaded, a breaker key deleted, two dangers confirmed with the detector's reason) still renders, with
 * every section, and renders the same bytes every time.
 */
class OldJournalReportTest {
    private static final Path OLD = Path.of("src/test/resources/journals/before-postmortem.jsonl");
    private static final List<String> SECTIONS = List.of("Summary", "Impact", "Detection",
            "Trigger, root cause and contributing factors", "Resolution", "Responders", "Lessons learned",
            "Action items", "Messaging", "Timeline", "Commands run", "Health and breakers", "Checklists", "Notes");

    @TempDir
    Path dir;

    private static String render(Path journal) throws Exception {
        StringWriter out = new StringWriter();
        new ReportRenderer().prepare(RecordSource.journal(journal)).writeTo(out);
        return out.toString();
    }

    @Test
    void a_journal_from_before_the_postmortem_fields_renders_every_section() throws Exception {
        JournalReader.Loaded loaded = JournalReader.read(OLD);
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.records()).allSatisfy(r -> assertThat(r.v()).isEqualTo(1))
                .hasSize(20);
        assertThat(JournalRecord.SCHEMA_VERSION).as("postmortem events are schema 2")
                .isEqualTo(2);
        String report = render(OLD);
        ReportSections read = new ReportSections(report);
        List<String> h2 = read.sections.keySet().stream().filter(SECTIONS::contains).toList();
        assertThat(h2).containsExactlyElementsOf(SECTIONS);
        assertThat(report).startsWith("# Postmortem: Invoices are not being sent\n")
                .contains("· runbook Queue stall (`runbooks/queue-stall.md`)")
                .doesNotContain("runbook none");
        assertThat(read.sections.get("Impact")).contains("About 900 invoices sent 25 minutes late", "P2", "P3");
        assertThat(read.sections.get("Action items")).contains("Expire invoice locks after 5 minutes",
                "Invoices arrive in the test inbox");
        assertThat(read.sections.get("Lessons learned")).contains("Locks without expiry outlive");
        assertThat(read.sections.get("Detection")).contains("Not entered — Postmortem pane", "queue-depth CRITICAL");
    }

    @Test
    void a_deleted_key_says_deleted_and_no_arrow_points_at_nothing() throws Exception {
        String report = render(OLD);
        assertThat(report).contains("`circuit_breaker:mailer:failures`: 47 → deleted",
                "| `circuit_breaker:mailer:failures` | 47 | deleted | ok |");
        assertThat(report.lines()).noneMatch(l -> l.matches(".*→\\s*(\\||$).*"));
    }

    @Test
    void each_danger_confirmation_names_its_command_and_gives_the_reason_once() throws Exception {
        List<String> dangers = render(OLD).lines().filter(l -> l.contains("Dangerous command")).toList();
        assertThat(dangers).hasSize(2);
        assertThat(dangers.get(0)).contains("`redis-cli DEL locks:invoices:batch`");
        assertThat(dangers.get(1)).contains("`redis-cli DEL locks:invoices:mailer`");
        assertThat(dangers).allSatisfy(l -> assertThat(l.split("deletes Redis keys", -1)).hasSize(2));
    }

    @Test
    void time_to_recover_without_a_rollback_ends_when_every_health_check_is_ok_again() throws Exception {
        assertThat(render(OLD)).contains("- Time to recover: 1 min 30 s (from the incident's start to every health"
                + " check OK again)", "| Duration | 2 min 50 s |");
    }

    @Test
    void the_resolve_summary_is_in_the_summary_table() throws Exception {
        assertThat(render(OLD)).contains("| Resolution | Backlog drained, invoices flowing |");
    }

    @Test
    void the_same_journal_file_read_twice_gives_the_same_bytes() throws Exception {
        Path copy = Files.copy(OLD, dir.resolve("journal.jsonl"));
        String first = render(copy);
        assertThat(render(copy)).isEqualTo(first);
        assertThat(new ReportRenderer().render(JournalReader.read(copy).records())).isEqualTo(first);
    }

    @Test
    void a_filled_postmortem_renders_the_same_bytes_twice() {
        ReportRenderer renderer = new ReportRenderer();
        assertThat(renderer.render(IncidentFixture.postmortem())).isEqualTo(renderer.render(
                IncidentFixture.postmortem()));
    }
}
