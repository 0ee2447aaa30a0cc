package org.incidentconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.StepOutcome;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.report.ReportRenderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report from a 10,000-event journal (goal: under 200 ms). Run with {@code ./mvnw -Pbench verify}. */
@Tag("bench")
class ReportBenchmark {
    @TempDir
    Path dir;

    @Test
    void report_from_a_10000_event_journal() throws Exception {
        List<JournalRecord> records = new ArrayList<>();
        Instant t = Instant.parse("2026-11-23T16:55:01Z");
        records.add(new JournalRecord(1, t, 1, new IncidentEvent.Started("INC-bench", "bench", "x", Severity.P1,
                "production", "jane", "emergency-rollback.md", "Europe/Berlin")));
        for (int i = 2; i <= 10_000; i++) {
            IncidentEvent e = switch (i % 5) {
                case 0 -> new IncidentEvent.StepFinished("Step " + i / 50, "web-" + i % 20, "set -e\nsystemctl restart x",
                        StepOutcome.OK, 0, 120, null, "line one\nline two\nline three", Map.of());
                case 1 -> new IncidentEvent.StepStarted("Step " + i / 50, "web-" + i % 20, "set -e\nsystemctl restart x");
                case 2 -> new IncidentEvent.ChecklistToggled("Checks", i, "item " + i, i % 3 == 0, "jane");
                case 3 -> new IncidentEvent.HealthTransition("web-" + i % 20, "api", "OK", "CRITICAL", "HTTP 500");
                default -> new IncidentEvent.NoteAdded("note " + i, "jane");
            };
            records.add(new JournalRecord(i, t.plusSeconds(i), 1, e));
        }
        Path file = dir.resolve("journal.jsonl");
        Files.write(file, records.stream().map(r -> {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper()
                        .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                        .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .writeValueAsString(r);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).toList());
        ReportRenderer renderer = new ReportRenderer();
        for (int i = 0; i < 10; i++) {
            renderer.render(JournalReader.read(file).records());
        }
        long[] renderMs = new long[15];
        long[] loadAndRenderMs = new long[15];
        String report = null;
        for (int i = 0; i < renderMs.length; i++) {
            long t0 = System.nanoTime();
            List<JournalRecord> loaded = JournalReader.read(file).records();
            long t1 = System.nanoTime();
            report = renderer.render(loaded);
            long t2 = System.nanoTime();
            renderMs[i] = (t2 - t1) / 1_000_000;
            loadAndRenderMs[i] = (t2 - t0) / 1_000_000;
        }
        Arrays.sort(renderMs);
        Arrays.sort(loadAndRenderMs);
        assertThat(report).contains("## Timeline");
        String result = String.format("| 10,000-event journal | median ms | max ms |%n|---|---|---|%n"
                        + "| render only | %d | %d |%n| read journal + render | %d | %d |%n",
                renderMs[7], renderMs[14], loadAndRenderMs[7], loadAndRenderMs[14]);
        Path out = Path.of("target", "bench", "report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, result);
        System.out.println(result);
    }
}
