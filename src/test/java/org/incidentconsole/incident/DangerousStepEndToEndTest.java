package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ssh.OutputListener;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's end-to-end misses, through the real step runner over a real (MINA) SSH server: each dangerous step is
 * refused until the environment's name is typed, and nothing reaches the host before.
 */
class DangerousStepEndToEndTest {
    @TempDir
    Path dir;
    SshKit kit;
    MinaSshServer server;
    Host web1;
    IncidentSession session;
    StepRunner runner;

    private String runbook() {
        return """
                ---
                variables:
                  action: {description: the Redis command to send}
                ---
                # Cache incident
                ## Flush (1 minute)
                ```bash
                redis-cli flushall
                ```
                ## Reset the checkout (1 minute)
                ```bash
                git -C %1$s reset --hard HEAD~1
                ```
                ## Remove the release (1 minute)
                ```bash
                rm -Rf %1$s/release
                ```
                ## Restart the web tier (1 minute)
                ```bash
                sudo systemctl \\
                  restart nginx
                ```
                ## Send the Redis command (1 minute)
                ```bash
                redis-cli {{action}}
                ```
                ## Reboot (1 minute)
                ```bash
                sudo reboot
                ```
                ## Kill PHP (1 minute)
                ```bash
                sudo pkill -9 php-fpm
                ```
                """.formatted(dir.resolve("app"));
    }

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        server = MinaSshServer.withEnv(Map.of("ROLE", "web"), TestKeys.publicKey(key));
        kit.trust(server);
        web1 = SshKit.host("web-01", server.port(), key);
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("cache down", "x",
                Severity.P1, "production", "jane", "cache.md", "UTC");
        runner = new StepRunner(kit.connections(), new Redactor(), kit.io);
        Files.createDirectories(dir.resolve("app/release"));
    }

    @AfterEach
    void tearDown() throws Exception {
        session.close();
        kit.close();
        server.close();
    }

    private Step step(int index) throws Exception {
        Runbook rb = new RunbookParser().parse("cache.md", runbook());
        return rb.steps().get(index);
    }

    private List<IncidentEvent> journal() throws Exception {
        return JournalReader.read(session.journalFile()).records().stream().map(JournalRecord::data).toList();
    }

    @ParameterizedTest(name = "step {0} ({1}) is refused without the typed confirmation")
    @CsvSource(delimiter = '|', textBlock = """
            0 | wipes every key of every Redis database
            1 | discards uncommitted changes (git reset --hard)
            2 | deletes files recursively (rm -rf)
            3 | restarts or stops a service
            4 | wipes every key of every Redis database
            """)
    void a_dangerous_step_is_refused_until_the_environment_is_typed(int index, String reason) throws Exception {
        Step step = step(index);
        Map<String, String> values = Map.of("action", "FLUSHALL");
        for (String typed : new String[] {null, "", "yes", "prod"}) {
            assertThatThrownBy(() -> runner.run(session, step, List.of(web1), StepRunner.defaultMode(step), values,
                    typed, "jane", OutputListener.IGNORE)).isInstanceOf(StepNotReadyException.class)
                    .hasMessageStartingWith("type 'production' to confirm: ").hasMessageContaining(reason);
        }
        assertThat(journal()).noneMatch(e -> e instanceof IncidentEvent.StepStarted
                || e instanceof IncidentEvent.DangerConfirmed);
        assertThat(dir.resolve("app/release")).exists();
    }

    @Test
    void once_confirmed_the_step_runs_on_the_host_and_the_confirmation_is_journaled() throws Exception {
        Step remove = step(2);
        var outcomes = runner.run(session, remove, List.of(web1), StepRunner.defaultMode(remove), Map.of(),
                "production", "jane", OutputListener.IGNORE).outcomes().get(60, TimeUnit.SECONDS);

        assertThat(outcomes.get("web-01").outcome()).isEqualTo(StepOutcome.OK);
        assertThat(dir.resolve("app/release")).doesNotExist();
        assertThat(journal()).filteredOn(e -> e instanceof IncidentEvent.DangerConfirmed).singleElement()
                .satisfies(e -> assertThat(((IncidentEvent.DangerConfirmed) e).reason())
                        .isEqualTo("deletes files recursively (rm -rf)"));
    }

    @Test
    void steps_that_stop_a_service_roll_host_by_host_by_default_and_the_others_run_everywhere_at_once()
            throws Exception {
        assertThat(StepRunner.defaultMode(step(3))).isEqualTo(StepRunner.Mode.ROLLING);
        assertThat(StepRunner.defaultMode(step(5))).isEqualTo(StepRunner.Mode.ROLLING);
        assertThat(StepRunner.defaultMode(step(6))).isEqualTo(StepRunner.Mode.ROLLING);
        assertThat(StepRunner.defaultMode(step(0))).isEqualTo(StepRunner.Mode.PARALLEL);
        assertThat(StepRunner.defaultMode(step(1))).isEqualTo(StepRunner.Mode.PARALLEL);
    }
}
