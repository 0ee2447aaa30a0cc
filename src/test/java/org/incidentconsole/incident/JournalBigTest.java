package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal far bigger than the heap is reported and listed in bounded memory: a child JVM with a 64 MB heap
 * renders the report of a 50 MB journal (loading it whole needs several times its size) and lists it.
 */
class JournalBigTest {
    private static final String HEAP = "-Xmx64m";

    @TempDir
    static Path dir;
    private static Path journal;
    private static long records;

    @BeforeAll
    static void writeBigJournal() throws Exception {
        long seed = Long.getLong("big.seed", 20261124L);
        Random random = new Random(seed);
        Path incident = dir.resolve("incidents").resolve("INC-20261124-070000-beef");
        Files.createDirectories(incident);
        journal = incident.resolve(Journal.FILE_NAME);
        Instant t = Instant.parse("2026-11-24T07:00:00Z");
        long seq = 0;
        try (BufferedWriter out = Files.newBufferedWriter(journal, StandardCharsets.UTF_8)) {
            out.write(JournalCodec.line(new JournalRecord(++seq, t, 1, new IncidentEvent.Started("INC-20261124-070000-beef",
                    "Big journal", "load test", Severity.P2, "drill", "jane", null, "UTC"))) + "\n");
            while (Files.size(journal) < 50L * 1024 * 1024) {
                for (int i = 0; i < 100; i++) {
                    t = t.plusMillis(250);
                    IncidentEvent e = switch (i % 4) {
                        case 0 -> new IncidentEvent.StepFinished("Step " + i, "web-01", "tail -n 500 app.log",
                                StepOutcome.OK, 0,
                                40, "exit status 0", output(random), Map.of());
                        case 1 -> new IncidentEvent.HealthTransition("web-01", "api-health", "OK", "CRITICAL", "500");
                        default -> new IncidentEvent.NoteAdded("note " + seq + " ü " + random.nextLong(), "jane");
                    };
                    out.write(JournalCodec.line(new JournalRecord(++seq, t, 1, e)) + "\n");
                }
                out.flush();
            }
        }
        records = seq;
    }

    private static String output(Random random) {
        StringBuilder s = new StringBuilder(20_000);
        for (int line = 0; line < 250; line++) {
            s.append("2026-11-24 07:00:").append(line % 60).append(" worker-").append(random.nextInt(64))
                    .append(" GET /api/items/").append(random.nextInt(1_000_000)).append(" 500 ")
                    .append(Long.toHexString(random.nextLong())).append('\n');
        }
        return s.toString();
    }

    @Test
    void a_50_mb_journal_is_reported_under_a_64_mb_heap() throws Exception {
        Path report = dir.resolve("report.md");
        long started = System.nanoTime();
        Child child = runChild(List.of("org.incidentconsole.app.Main", "report", journal.toString(), "-o",
                report.toString()));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("big journal: %.1f MB, %d records, report of %.1f MB rendered with %s in %d ms%n",
                Files.size(journal) / 1048576.0, records, Files.size(report) / 1048576.0, HEAP, millis);
        assertThat(child.exit()).as(child.output()).isZero();
        assertThat(child.output()).doesNotContain("OutOfMemoryError").contains("report written to");
        assertThat(Files.readString(report)).startsWith("# Postmortem: Big journal")
                .contains("note " + (records - 1) + " ü");
    }

    @Test
    void a_50_mb_journal_is_listed_under_a_64_mb_heap() throws Exception {
        long started = System.nanoTime();
        Child child = runChild(List.of(JournalListChild.class.getName(), dir.resolve("incidents").toString()));
        System.out.printf("big journal listed with %s in %d ms%n", HEAP,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(child.exit()).as(child.output()).isZero();
        assertThat(child.output()).contains("INCIDENT INC-20261124-070000-beef events=" + records + " problem=null");
    }

    record Child(int exit, String output) {
    }

    private static Child runChild(List<String> mainAndArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), HEAP, "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("INCIDENT_CONSOLE_HOME", dir.resolve("home").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Child(p.exitValue(), output);
    }
}
