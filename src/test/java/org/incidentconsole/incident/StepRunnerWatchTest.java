package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.CommandFlag;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.runbook.StepKind;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A watch (tail -f) streams until it is ended: Stable is OK, Not stable FAILED, neither is a timeout. */
class StepRunnerWatchTest {
    @TempDir
    Path dir;
    SshKit kit;
    MinaSshServer sshd;
    Host web1;
    IncidentSession session;
    StepRunner runner;
    Path log;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        web1 = SshKit.host("web-01", sshd.port(), key);
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x", Severity.P1,
                "drill", "jane", "r.md", "UTC");
        runner = new StepRunner(kit.connections(), new Redactor(), kit.io);
        log = dir.resolve("app.log");
        Files.writeString(log, "boot ok\nrequest served\n");
    }

    @AfterEach
    void tearDown() throws Exception {
        session.close();
        kit.close();
        sshd.close();
    }

    /** The step as the parser gives it, flagged as a watch the way the parser flags {@code tail -f}. */
    private Step watchStep() throws Exception {
        Step parsed = new RunbookParser().parse("r.md", """
                # Rollback
                ## Monitor stability (1 minute)
                ```bash
                tail -f %s
                ```
                """.formatted(log)).steps().get(0);
        return new Step(parsed.line(), parsed.path(), parsed.budget(), parsed.description(), parsed.blocks(),
                parsed.checklist(), parsed.hostTags(), parsed.valueTypes(), StepKind.RUN, parsed.procedure(),
                List.of(), List.of(), List.of(new CommandFlag(CommandFlag.Kind.WATCH, parsed.line() + 2,
                "tail -f " + log, "follows a log until stopped")), List.of(), null);
    }

    private List<IncidentEvent> journal() throws Exception {
        return JournalReader.read(session.journalFile()).records().stream().map(JournalRecord::data).toList();
    }

    @ParameterizedTest(name = "ended {0}: {1}")
    @CsvSource({"true, OK", "false, FAILED"})
    void a_watch_streams_until_the_operator_ends_it_and_the_end_decides_the_outcome(boolean stable,
                                                                                 StepOutcome outcome)
            throws Exception {
        CountDownLatch streaming = new CountDownLatch(2);
        StepRunner.StepRun run = runner.run(session, watchStep(), List.of(web1), StepRunner.Mode.PARALLEL, Map.of(),
                null, "jane", (h, s, line) -> streaming.countDown());
        assertThat(streaming.await(30, TimeUnit.SECONDS)).as("the log's lines stream while it runs").isTrue();
        assertThat(run.outcomes()).as("a watch does not end by itself").isNotDone();

        run.end(stable, "operator");
        var outcomes = run.outcomes().get(30, TimeUnit.SECONDS);

        assertThat(outcomes.get("web-01").outcome()).isEqualTo(outcome);
        IncidentEvent.WatchEnded ended = journal().stream().filter(IncidentEvent.WatchEnded.class::isInstance)
                .map(IncidentEvent.WatchEnded.class::cast).findFirst().orElseThrow();
        assertThat(ended.stable()).isEqualTo(stable);
        assertThat(ended.how()).isEqualTo("operator");
        assertThat(ended.by()).isEqualTo("jane");
        IncidentEvent.StepFinished finished = journal().stream().filter(IncidentEvent.StepFinished.class::isInstance)
                .map(IncidentEvent.StepFinished.class::cast).findFirst().orElseThrow();
        assertThat(finished.outcome()).isEqualTo(outcome);
        assertThat(finished.reason()).doesNotContain("timed out").doesNotContain("cancelled")
                .contains(stable ? "stable" : "not stable");
        assertThat(finished.output()).contains("request served");
    }

    @Test
    void a_watch_may_stream_far_longer_than_its_budget_before_it_is_stopped() throws Exception {
        Step watch = watchStep();
        assertThat(watch.budget().maxSeconds()).isEqualTo(60);
        assertThat(StepRunner.timeout(watch)).isEqualTo(StepRunner.WATCH_TIMEOUT);
        assertThat(StepRunner.WATCH_TIMEOUT.toMinutes()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void a_watch_ended_while_it_is_still_starting_ends_as_said_without_waiting_for_the_timeout() throws Exception {
        StepRunner.StepRun run = runner.run(session, watchStep(), List.of(web1), StepRunner.Mode.PARALLEL, Map.of(),
                null, "jane", (h, s, line) -> { });
        run.end(true, "operator");

        var outcomes = run.outcomes().get(30, TimeUnit.SECONDS);

        assertThat(outcomes.get("web-01").outcome()).isEqualTo(StepOutcome.OK);
    }

    @Test
    void a_command_waiting_for_a_terminal_is_never_run_blind() throws Exception {
        Step parsed = watchStep();
        Step interactive = new Step(parsed.line(), parsed.path(), parsed.budget(), parsed.description(),
                parsed.blocks(), parsed.checklist(), parsed.hostTags(), parsed.valueTypes(), StepKind.MANUAL,
                parsed.procedure(), List.of(), List.of(), List.of(new CommandFlag(CommandFlag.Kind.INTERACTIVE,
                parsed.line() + 2, "psql $DATABASE_URL", "opens a REPL")), List.of(), null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.run(session, interactive, List.of(web1),
                        StepRunner.Mode.PARALLEL, Map.of(), null, "jane", (h, s, line) -> { }))
                .isInstanceOf(StepNotReadyException.class)
                .hasMessage("never run blind: psql $DATABASE_URL waits for a terminal; do it by hand");
        assertThat(journal()).noneMatch(e -> e instanceof IncidentEvent.StepStarted);
    }
}
