package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.Severity;
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
        assertThat(out.toString()).startsWith("# Incident report: Payments down").contains("- rolled back");
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
        Files.write(s.journalFile(), java.util.List.of("{broken", lines.get(1)));
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "report", s.journalFile().toString())).isEqualTo(1);
        assertThat(err.toString()).contains(":1: damaged record");
    }
}
