package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.redact.SecretCorpus;
import org.incidentconsole.report.ReportRenderer;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ssh.OutputListener;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret corpus through the real path: a runbook step run over SSH (a real MINA server) prints every form on
 * stdout and stderr and carries it in its command text; each form is also a variable value and a note, some are
 * the title, trigger, summary, fields and lessons. Nothing of any secret value reaches the journal file, the
 * rendered report or the log file (written at DEBUG for the run); hashes, UUIDs and URLs stay readable.
 */
class SecretCorpusEndToEndTest {
    private static final String KEEP = "rollback target 9fceb02d0ae598e95dc970b74767f19372d61af8 request "
            + "550e8400-e29b-41d4-a716-446655440000 https://github.com/acme/shop/releases/tag/v2.3.1";

    @TempDir
    Path dir;
    SshKit kit;
    MinaSshServer server;
    Host web1;
    Path log;
    FileAppender<ILoggingEvent> appender;
    Level rootLevel;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        server = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(server);
        web1 = SshKit.host("web-01", server.port(), key);
        log = dir.resolve("incident-console.log");
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%d %-5level [%thread] %logger - %msg%n");
        encoder.start();
        appender = new FileAppender<>();
        appender.setContext(ctx);
        appender.setFile(log.toString());
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(appender);
    }

    @AfterEach
    void tearDown() throws Exception {
        ch.qos.logback.classic.Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        root.setLevel(rootLevel);
        appender.stop();
        kit.close();
        server.close();
    }

    @Test
    void no_corpus_secret_reaches_the_journal_the_report_or_the_log() throws Exception {
        long seed = Long.getLong("redaction.seed", System.nanoTime());
        SecretCorpus corpus = new SecretCorpus(seed);
        List<SecretCorpus.Form> forms = corpus.generate(2);
        List<SecretCorpus.Form> oneLine = forms.stream().filter(f -> !f.text().contains("\n")
                && !f.text().contains("\r")).toList();

        IncidentSession session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start(
                "leak drill " + oneLine.get(0).text(), oneLine.get(1).text(), Severity.P1, "production", "jane", null,
                "UTC");
        List<CompletableFuture<JournalRecord>> written = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            written.add(session.record(new IncidentEvent.VariableSet("v" + i, forms.get(i).text(), null)));
            written.add(session.record(new IncidentEvent.NoteAdded(forms.get(i).text(), "jane")));
        }
        written.add(session.record(new IncidentEvent.FieldSet("root-cause", oneLine.get(2).text(), "jane")));
        written.add(session.record(new IncidentEvent.LessonAdded(oneLine.get(3).text(), "jane")));
        written.add(session.record(new IncidentEvent.ActionItemAdded(oneLine.get(4).text(), "jane")));
        CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        StringBuilder body = new StringBuilder(KEEP + "\n");
        forms.forEach(f -> body.append(f.text()).append('\n'));
        String runbook = "# Leak drill\n## Dump everything (1 minute)\n```bash\ncat <<'OUT'\n" + body + "OUT\n"
                + "cat >&2 <<'ERR'\n" + body + "ERR\n```\n";
        Step step = new RunbookParser().parse("leak.md", runbook).steps().get(0);
        StepRunner runner = new StepRunner(kit.connections(), new Redactor(), kit.io);
        Map<String, StepRunner.HostOutcome> outcomes = runner.run(session, step, List.of(web1),
                StepRunner.Mode.PARALLEL, Map.of(), null, "jane", OutputListener.IGNORE).outcomes()
                .get(60, TimeUnit.SECONDS);
        assertThat(outcomes.get("web-01").outcome()).isEqualTo(StepOutcome.OK);
        session.record(new IncidentEvent.Resolved(oneLine.get(5).text(), "jane")).get(30, TimeUnit.SECONDS);
        session.close();

        String journal = Files.readString(session.journalFile(), StandardCharsets.UTF_8);
        String report = new ReportRenderer().render(JournalReader.read(session.journalFile()).records());
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        List<String> leaked = new ArrayList<>();
        for (SecretCorpus.Form f : forms) {
            String escaped = json.writeValueAsString(f.value());
            List<String> needles = List.of(f.value(), escaped.substring(1, escaped.length() - 1), core(f.value()));
            for (String needle : needles) {
                for (Map.Entry<String, String> sink : Map.of("journal", journal, "report", report, "log", logged)
                        .entrySet()) {
                    if (needle.length() >= 6 && sink.getValue().contains(needle)) {
                        leaked.add(sink.getKey() + " ← " + f.kind() + ": " + f.text().replace("\n", "\\n"));
                    }
                }
            }
        }
        System.out.printf("end to end: secret forms tried %d (%d kinds; stdout, stderr, command, variable, note → "
                + "journal, report, log), leaked %d; journal %d bytes, log %d bytes%n", forms.size(), corpus.kinds(),
                leaked.stream().distinct().count(), journal.length(), logged.length());
        assertThat(leaked).as("seed " + seed).isEmpty();
        assertThat(journal).contains("9fceb02d0ae598e95dc970b74767f19372d61af8", "550e8400-e29b-41d4-a716-446655440000",
                "https://github.com/acme/shop/releases/tag/v2.3.1");
        assertThat(logged).as("the log did record the run").contains("command ended OK");
        IncidentEvent.StepFinished finished = JournalReader.read(session.journalFile()).records().stream()
                .map(JournalRecord::data).filter(e -> e instanceof IncidentEvent.StepFinished)
                .map(e -> (IncidentEvent.StepFinished) e).findFirst().orElseThrow();
        assertThat(finished.output()).as("stdout and stderr were captured").contains(KEEP, "! " + KEEP,
                "[REDACTED:private-key]", "[REDACTED:github-token]");
    }

    /** The longest run of letters and digits: still found when a renderer escapes the punctuation around it. */
    private static String core(String value) {
        String best = "";
        for (String part : value.split("[^A-Za-z0-9]+")) {
            best = part.length() > best.length() ? part : best;
        }
        return best.length() >= 10 ? best : value;
    }
}
