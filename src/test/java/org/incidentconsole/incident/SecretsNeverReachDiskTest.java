package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.incidentconsole.redact.RedactionPropertyTest;
import org.incidentconsole.redact.RedactionPropertyTestAccess;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.redact.StreamRedactor;
import org.incidentconsole.report.ReportRenderer;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 10,000 secrets in command output, streamed line by line as the step runner does: none reaches the disk. */
class SecretsNeverReachDiskTest {
    @TempDir
    Path dir;

    @Test
    void no_generated_secret_survives_into_the_journal_file_or_the_report() throws Exception {
        List<RedactionPropertyTest.Secret> secrets = RedactionPropertyTestAccess.secrets(10_000);
        Redactor redactor = new Redactor();
        IncidentSession session = new IncidentStore(dir, Clock.systemUTC()).start("leak test", "x", Severity.P0,
                "production", "jane", null, "UTC");
        for (int chunk = 0; chunk < secrets.size(); chunk += 500) {
            String output = RedactionPropertyTestAccess.embed(secrets.subList(chunk, chunk + 500));
            StreamRedactor stream = new StreamRedactor(redactor);
            StringBuilder captured = new StringBuilder();
            output.lines().forEach(line -> captured.append(stream.line(line)).append('\n'));
            session.record(new IncidentEvent.StepFinished("dump logs", "web-01", "tail -n 500 app.log",
                    StepOutcome.OK, 0, 5,
                    null, captured.toString(), stream.counts())).get();
        }
        session.close();

        String journal = Files.readString(session.journalFile(), StandardCharsets.UTF_8);
        String report = new ReportRenderer().render(JournalReader.read(session.journalFile()).records());
        List<String> leaked = secrets.stream().map(RedactionPropertyTest.Secret::value)
                .filter(v -> journal.contains(v) || report.contains(v)).toList();
        assertThat(leaked).as(RedactionPropertyTestAccess.seed()).isEmpty();
        assertThat(journal).contains("[REDACTED:email]", "[REDACTED:private-key]", "[REDACTED:jwt]");
    }
}
