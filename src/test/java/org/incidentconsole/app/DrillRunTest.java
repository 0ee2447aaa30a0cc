package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drill for real: SSH server, redis-server, git sandbox, shims; the shipped runbook heals it. */
class DrillRunTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run drill(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.cli(new AppHome(dir.resolve("home")));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private List<IncidentEvent> journalEvents() throws Exception {
        try (Stream<Path> s = Files.walk(dir.resolve("home"))) {
            Path file = s.filter(p -> p.getFileName().toString().equals("journal.jsonl")).findFirst().orElseThrow();
            return JournalReader.read(file).records().stream()
                    .map(JournalRecord::data).toList();
        }
    }

    private static boolean ownedByThisProcess(Path drillFolder) {
        var pid = new Properties();
        try (var in = Files.newInputStream(drillFolder.resolve("drill.pid"))) {
            pid.load(in);
        } catch (IOException unreadable) {
            return true; // count it: a folder this test cannot place is not excused
        }
        return String.valueOf(ProcessHandle.current().pid()).equals(pid.getProperty("owner.pid"));
    }

    private static List<Path> drillFolders() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("incident-console-drill-")).toList();
        }
    }

    @Test
    void the_emergency_rollback_runbook_heals_the_drill_and_the_report_holds_the_whole_timeline() throws Exception {
        List<Path> before = drillFolders();
        Path report = dir.resolve("report.md");

        Run run = drill("drill", "--run", "runbooks/emergency-rollback.md", "--report", report.toString(),
                "--operator", "jana");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Drill ended healthy").contains("stable_ref = ")
                .contains("Procedure: Roll back (5 minutes)")
                .containsPattern("Not walked \\(other sections\\): .*After the rollback")
                .as("#16: the walk follows one procedure; the after-section's checklist is for a person")
                .doesNotContain("[x] No circuit breaker is open");
        String md = Files.readString(report);
        assertThat(md).contains("| Status | Resolved |", "| Severity | P1 |", "| Services restarted | php8.3-fpm |",
                "| drill-web-01 / api-health | CRITICAL | OK |", "| drill-web-01 / pii-in-logs | CRITICAL | OK |",
                "Step 2: Switch to the stable release", "HEAD is now at", "Rollback complete",
                "Incident resolved by jana: drill ended healthy");
        // every act is signed by the operator named on the command line, never the OS user
        assertThat(md.lines().filter(l -> l.matches(".* by \\S+[:( ].*")).toList()).isNotEmpty()
                .allSatisfy(l -> assertThat(l).doesNotContainPattern(" by (?!jana\\b)[a-z]+[:( ]"));
        assertThat(md).containsPattern("\\| Rolled back from \\| [0-9a-f]{7} \\|")
                .containsPattern("\\| Rolled back to \\| [0-9a-f]{7} \\|");
        assertThat(md).doesNotContain("maria.schmidt@example.org");
        assertThat(md.lines().filter(l -> l.startsWith("- ") && l.contains("UTC —")).count())
                .as("timeline lines").isGreaterThan(40);
        // #19 trends: the journal's health samples drawn as charts, the rollback's column marked
        assertThat(md).contains("## Trends", "```mermaid\nxychart-beta", "title \"error-rate (%)\"", "⟲");
        // issue 15: the breakers the reset step closed, as the monitor saw them, and the values each step ran with
        List<IncidentEvent> journal = journalEvents();
        assertThat(journal).filteredOn(e -> e instanceof IncidentEvent.BreakerTransition)
                .map(e -> (IncidentEvent.BreakerTransition) e)
                .extracting(t -> t.service() + " " + t.from() + ">" + t.to())
                .contains("calcom null>OPEN", "calcom OPEN>CLOSED", "mailgun null>HALF_OPEN",
                        "mailgun HALF_OPEN>CLOSED");
        assertThat(journal).filteredOn(e -> e instanceof IncidentEvent.StepStarted)
                .map(e -> (IncidentEvent.StepStarted) e)
                .anySatisfy(s -> assertThat(s.values()).containsKey("stable_ref"));
        // its own folder is gone; a dead drill's folder that was there before may be gone too (the start cleans
        // those), and a drill of another process on this machine may have come meanwhile
        assertThat(drillFolders()).filteredOn(DrillRunTest::ownedByThisProcess).as("the drill removed its folder")
                .isSubsetOf(before);
    }

    @Test
    void checking_without_rolling_back_ends_unhealthy_with_exit_1() throws Exception {
        Run run = drill("drill", "--run", "runbooks/verification.md");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("Drill ended UNHEALTHY").contains("step failed");
    }

    @Test
    void report_needs_run() {
        assertThat(drill("drill", "--report", dir.resolve("x.md").toString()).exit()).isEqualTo(2);
    }
}
