package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentconsole.coordination.CoordinationEndpoint;
import org.incidentconsole.coordination.SharedCopy;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.StepOutcome;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consoles in one JVM, each with its own data directory, share an incident through a real redis-server. */
class SharedReportTest {
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

    /** Journals {@code n} acts of one operator: notes, checklist ticks and a step's run, in turn. */
    static List<String> work(SharingConsole c, String tag, int n) {
        List<String> eids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JournalRecord r = switch (i % 4) {
                case 0 -> c.act(new IncidentEvent.NoteAdded(tag + " note " + i, c.operator));
                case 1 -> c.act(new IncidentEvent.ChecklistToggled(tag + " step " + i, 1, tag + " check " + i, true,
                        c.operator));
                case 2 -> c.act(new IncidentEvent.StepStarted("Step " + i, tag + "-web-01", "systemctl restart app"));
                default -> c.act(new IncidentEvent.StepFinished("Step " + (i - 1), tag + "-web-01",
                        "systemctl restart app", StepOutcome.OK, 0, 12, "exit status 0", "ok " + tag, null));
            };
            eids.add(c.eid(r));
        }
        return eids;
    }

    /** Both work at once, each on a thread of its own. */
    static List<List<String>> together(SharingConsole a, String tagA, SharingConsole b, String tagB, int n) {
        CompletableFuture<List<String>> fa = CompletableFuture.supplyAsync(() -> work(a, tagA, n));
        CompletableFuture<List<String>> fb = CompletableFuture.supplyAsync(() -> work(b, tagB, n));
        return List.of(fa.join(), fb.join());
    }

    @Test
    void two_consoles_see_each_others_acts_and_write_the_same_report_byte_for_byte() throws Exception {
        try (SharingConsole jana = SharingConsole.start(dir.resolve("jana"), endpoint, "console-jana", "Jana",
                "Checkout down");
             SharingConsole omar = SharingConsole.join(dir.resolve("omar"), endpoint, "console-omar", "Omar",
                     jana.session.state().started())) {
            List<List<String>> acts = together(jana, "jana", omar, "omar", 40);
            int total = 2 + 1 + 80; // jana's start and share; omar's join; the acts
            jana.awaitCopy(total);
            omar.awaitCopy(total);

            assertThat(omar.copyEids()).containsAll(acts.get(0));
            assertThat(jana.copyEids()).containsAll(acts.get(1)).hasSize(total);
            assertThat(omar.copyEids()).as("the same events in the same order").isEqualTo(jana.copyEids());
            String janas = jana.report();
            String omars = omar.report();
            assertThat(omars).isEqualTo(janas);
            assertThat(janas).startsWith("# Postmortem: Checkout down")
                    .contains("Consoles: `console-jana` (Jana), `console-omar` (Omar)")
                    .contains("Note by Jana: jana note 0").contains("Note by Omar: omar note 0")
                    .contains("ticked by Jana").contains("ticked by Omar")
                    .contains("### Step 2 — omar-web-01").contains("### Step 2 — jana-web-01")
                    .contains("Joined the shared incident by Omar as operator from console `console-omar`")
                    .doesNotContain("not shared yet");
            assertThat(count(janas, "Incident started by")).as("one start, the first console's").isEqualTo(1);
            assertThat(count(janas, "Note by")).isEqualTo(20);
        }
    }

    @Test
    void a_console_restarted_mid_incident_catches_up_without_duplicates_and_reports_the_same() throws Exception {
        Path omarHome = dir.resolve("omar");
        SharingConsole jana = SharingConsole.start(dir.resolve("jana"), endpoint, "console-jana", "Jana", "Restart");
        try (jana) {
            SharingConsole omar = SharingConsole.join(omarHome, endpoint, "console-omar", "Omar",
                    jana.session.state().started());
            together(jana, "jana", omar, "omar", 20);
            omar.awaitShared();
            omar.awaitCopy(43);
            omar.close();
            List<String> whileAway = work(jana, "away", 15);

            try (SharingConsole back = SharingConsole.reopen(omarHome, endpoint, "console-omar", jana.incident)) {
                assertThat(back.copy.size()).as("read back from its file").isEqualTo(43);
                List<String> after = work(back, "back", 5);
                jana.awaitCopy(63);
                back.awaitCopy(63);

                assertThat(back.copyEids()).containsAll(whileAway).containsAll(after)
                        .doesNotHaveDuplicates().isEqualTo(jana.copyEids());
                assertThat(back.follower.handed()).as("only what it had not seen is read again")
                        .isEqualTo(15 + 5);
                assertThat(Files.readAllLines(SharedCopy.file(back.dir()))).as("one line per event")
                        .hasSize(63);
                assertThat(back.report()).isEqualTo(jana.report());
            }
        }
    }

    @Test
    void ten_consoles_with_a_thousand_events_each_write_ten_identical_reports() throws Exception {
        int consoles = 10;
        int each = 1_000;
        List<SharingConsole> all = new ArrayList<>();
        try {
            SharingConsole first = SharingConsole.start(dir.resolve("c0"), endpoint, "console-0", "Op0", "Ten");
            all.add(first);
            for (int i = 1; i < consoles; i++) {
                all.add(SharingConsole.join(dir.resolve("c" + i), endpoint, "console-" + i, "Op" + i,
                        first.session.state().started()));
            }
            long t0 = System.nanoTime();
            List<CompletableFuture<List<String>>> running = all.stream()
                    .map(c -> CompletableFuture.supplyAsync(() -> work(c, c.console, each))).toList();
            running.forEach(CompletableFuture::join);
            int total = 2 + (consoles - 1) + consoles * each;
            for (SharingConsole c : all) {
                c.awaitCopy(total);
            }
            long shared = System.nanoTime() - t0;
            long r0 = System.nanoTime();
            List<String> reports = new ArrayList<>();
            for (SharingConsole c : all) {
                reports.add(c.report());
            }
            long rendered = System.nanoTime() - r0;
            long c0 = System.nanoTime();
            int read = SharedCopy.read(all.get(0).dir()).events().size();
            long copyRead = System.nanoTime() - c0;
            System.out.printf("reading one copy of %d events back: %d ms%n", read, copyRead / 1_000_000);
            System.out.printf("10 consoles x %d events (%d in all): journaled and in every copy in %d ms; "
                    + "10 reports of %d bytes rendered in %d ms%n", each, total, shared / 1_000_000,
                    reports.get(0).length(), rendered / 1_000_000);
            assertThat(new HashSet<>(reports)).as("every console's report is the same").hasSize(1);
            assertThat(count(reports.get(0), "Note by")).isEqualTo(consoles * each / 4);
        } finally {
            all.forEach(SharingConsole::close);
        }
    }

    static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
