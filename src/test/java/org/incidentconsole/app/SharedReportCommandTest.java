package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.incidentconsole.coordination.CoordinationEndpoint;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code report INCIDENT-ID} and the window's export on a shared incident: the merged report. */
class SharedReportCommandTest {
    private static TestRedis redis;
    private static CoordinationEndpoint endpoint;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = TestRedis.start();
        endpoint = CoordinationEndpoint.plain("127.0.0.1", redis.port());
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run report(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main(new AppHome(home)));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "report";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = cli.execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void report_of_a_shared_incident_by_its_id_prints_the_merged_report_and_says_so() throws Exception {
        Path janaHome = dir.resolve("jana");
        Path omarHome = dir.resolve("omar");
        String incident;
        String merged;
        try (SharingConsole jana = SharingConsole.start(janaHome, endpoint, "console-jana", "Jana", "Login slow");
             SharingConsole omar = SharingConsole.join(omarHome, endpoint, "console-omar", "Omar",
                     jana.session.state().started())) {
            incident = jana.incident;
            SharedReportTest.together(jana, "jana", omar, "omar", 12);
            jana.awaitCopy(27);
            omar.awaitCopy(27);
            merged = jana.report();
        }

        Run byId = report(omarHome, incident);
        assertThat(byId.exit()).as(byId.err()).isZero();
        assertThat(byId.out()).isEqualTo(merged).contains("Note by Jana: jana note 0", "Note by Omar: omar note 0");
        assertThat(byId.err().strip()).isEqualTo("merged timeline of 2 consoles, 27 events");
        assertThat(report(janaHome, janaHome.resolve("incidents").resolve(incident).toString()).out())
                .as("by folder, on the other console").isEqualTo(merged);

        Run local = report(omarHome, incident, "--local");
        assertThat(local.exit()).isZero();
        assertThat(local.out()).contains("Note by Omar: omar note 0").doesNotContain("Note by Jana");
        assertThat(local.err()).isEmpty();

        try (IncidentService service = new IncidentService(omarHome, Clock.systemUTC(), ZoneOffset.UTC)) {
            service.resume(incident, new IncidentBinding("drill", null, null), "Omar"); // offline: not shared
            IncidentService.Report exported = service.exportReport();
            assertThat(exported.markdown()).contains("Note by Jana: jana note 0", "Note by Omar: omar note 0")
                    .contains("**Note:** 1 event of this console (console-omar) was not shared yet");
            assertThat(Files.readString(exported.file())).isEqualTo(exported.markdown());
            assertThat(service.current().state().lastSeq()).as("the export journaled")
                    .isEqualTo(3 + 12 + 2);
        }
    }
}
