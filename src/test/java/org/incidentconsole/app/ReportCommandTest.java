package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main(AppHome.resolve(Map.of(), "/home/op")));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private IncidentSession incident() throws Exception {
        IncidentSession s = new IncidentStore(dir, Clock.systemUTC()).start("Payments down", "x", Severity.P0,
                "production", "jane", null, "UTC");
        s.record(new IncidentEvent.NoteAdded("rolled back", "jane")).get();
        s.close();
        return s;
    }

    @Test
    void renders_the_report_of_an_incident_folder_to_standard_output() throws Exception {
        IncidentSession s = incident();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "report", s.journalFile().getParent().toString())).isZero();
        assertThat(out.toString()).startsWith("# Postmortem: Payments down").contains("- rolled back");
    }

    @Test
    void writes_to_a_file_and_warns_about_a_torn_last_line() throws Exception {
        IncidentSession s = incident();
        Files.writeString(s.journalFile(), "{\"seq\":3,", StandardOpenOption.APPEND);
        Path report = dir.resolve("report.md");
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "report", s.journalFile().toString(), "-o", report.toString()))
                .isZero();
        assertThat(Files.readString(report)).contains("Payments down");
        assertThat(err.toString()).contains("warning: line 3").contains("report written to " + report);
    }

    @Test
    void a_damaged_journal_fails_with_its_line() throws Exception {
        IncidentSession s = incident();
        var lines = Files.readAllLines(s.journalFile());
        Files.write(s.journalFile(), List.of("{broken", lines.get(1)));
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "report", s.journalFile().toString())).isEqualTo(1);
        assertThat(err.toString()).contains(":1: damaged record");
    }

    @Test
    void an_empty_journal_is_said_to_be_empty_and_fails() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("INC-1")).resolve("journal.jsonl");
        Files.createFile(empty);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "report", empty.getParent().toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("empty journal: " + empty + " (no complete record, nothing to report)"
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void bad_utf8_in_the_middle_fails_with_its_line_instead_of_being_read_as_something_else() throws Exception {
        IncidentSession s = incident();
        var lines = Files.readAllLines(s.journalFile());
        byte[] latin1 = lines.get(0).replace("Payments down", "Payments d\u00f6wn")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(s.journalFile(), latin1);
        Files.writeString(s.journalFile(), "\n" + lines.get(1) + "\n", StandardOpenOption.APPEND);
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "report", s.journalFile().toString())).isEqualTo(1);
        assertThat(err.toString()).contains(s.journalFile() + ":1: damaged record: not valid UTF-8");
    }

    @Test
    void reports_a_journal_written_before_the_postmortem_fields_existed() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "report", "src/test/resources/journals/before-postmortem.jsonl")).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).startsWith("# Postmortem: Invoices are not being sent")
                .contains("## Impact", "## Responders", "## Action items", "## Messaging", "## Timeline",
                        "47 → deleted");
    }
}
