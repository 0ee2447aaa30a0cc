package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepRunnerTest {
    @TempDir
    Path dir;
    SshKit kit;
    Path key;
    MinaSshServer good;
    MinaSshServer broken;
    Host web1;
    Host web2;
    IncidentSession session;
    StepRunner runner;

    static final String RUNBOOK = """
            ---
            variables:
              stable_ref: {role: rollback-to, description: target}
            ---
            # Rollback
            ## Check out (1 minute)
            ```bash
            echo "checking out {{stable_ref}} for ops@example.com"
            test "$ROLE" != broken
            echo "done on $ROLE"
            ```
            ## Restart (1 minute)
            ```bash
            echo restarting
            systemctl restart php-fpm-does-not-exist-here || true  # danger: drops requests
            ```
            ## Stops early (1 minute)
            ```bash
            echo one
            false
            echo never printed
            ```
            ## Slow (1 minute)
            ```bash
            echo started
            sleep 60
            ```
            """;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        key = TestKeys.generate(dir, "id_ed25519");
        good = MinaSshServer.withEnv(Map.of("ROLE", "good"), TestKeys.publicKey(key));
        broken = MinaSshServer.withEnv(Map.of("ROLE", "broken"), TestKeys.publicKey(key));
        kit.trust(good);
        kit.trust(broken);
        web1 = SshKit.host("web-01", good.port(), key);
        web2 = SshKit.host("web-02", broken.port(), key);
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x", Severity.P1,
                "production", "jane", "rollback.md", "UTC");
        runner = new StepRunner(kit.connections(), new Redactor(), kit.io);
    }

    @AfterEach
    void tearDown() throws Exception {
        session.close();
        kit.close();
        good.close();
        broken.close();
    }

    private Step step(int index) throws Exception {
        Runbook rb = new RunbookParser().parse("rollback.md", RUNBOOK);
        return rb.steps().get(index);
    }

    private List<IncidentEvent> journal() throws Exception {
        return JournalReader.read(session.journalFile()).records().stream().map(JournalRecord::data).toList();
    }

    @Test
    void a_step_does_not_run_until_every_placeholder_is_filled() throws Exception {
        Step checkout = step(0);
        assertThatThrownBy(() -> runner.run(session, checkout, List.of(web1), StepRunner.Mode.PARALLEL, Map.of(),
                null, "jane", OutputListener.IGNORE)).isInstanceOf(StepNotReadyException.class)
                .hasMessage("fill in before running: {{stable_ref}}");
        assertThatThrownBy(() -> runner.run(session, checkout, List.of(web1), StepRunner.Mode.PARALLEL,
                Map.of("stable_ref", "abc; rm -rf /"), null, "jane", OutputListener.IGNORE))
                .isInstanceOf(StepNotReadyException.class)
                .hasMessage("stable_ref is not a git ref (branch, tag or commit; ~N and ^N allowed at the end):"
                        + " change it before running.");
        assertThat(journal()).hasSize(1);
    }

    @Test
    void a_dangerous_step_needs_the_environment_name_typed() throws Exception {
        Step restart = step(1);
        assertThatThrownBy(() -> runner.run(session, restart, List.of(web1), StepRunner.Mode.ROLLING, Map.of(),
                "yes", "jane", OutputListener.IGNORE)).isInstanceOf(StepNotReadyException.class)
                .hasMessageStartingWith("type 'production' to confirm: drops requests"); // the author's own reason

        var outcomes = runner.run(session, restart, List.of(web1), StepRunner.Mode.ROLLING, Map.of(), "production",
                "jane", OutputListener.IGNORE).outcomes().get(60, TimeUnit.SECONDS);

        assertThat(outcomes.get("web-01").outcome()).isEqualTo(StepOutcome.OK);
        assertThat(journal()).filteredOn(e -> e instanceof IncidentEvent.DangerConfirmed).singleElement()
                .satisfies(e -> assertThat(((IncidentEvent.DangerConfirmed) e).typed()).isEqualTo("production"));
    }

    @Test
    void parallel_runs_every_host_streams_redacted_output_and_journals_each_end() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        session.record(new IncidentEvent.VariableSet("stable_ref", "def5678", "rollback-to")).get();

        var outcomes = runner.run(session, step(0), List.of(web1, web2), StepRunner.Mode.PARALLEL,
                Map.of("stable_ref", "def5678"), null, "jane", (h, s, line) -> seen.add(h + ": " + line))
                .outcomes().get(60, TimeUnit.SECONDS);

        assertThat(outcomes.get("web-01").outcome()).isEqualTo(StepOutcome.OK);
        assertThat(outcomes.get("web-02").outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(outcomes.get("web-02").exitStatus()).isEqualTo(1);
        assertThat(seen).contains("web-01: checking out def5678 for [REDACTED:email]", "web-01: done on good")
                .doesNotContain("web-02: done on broken");
        List<IncidentEvent.StepFinished> finished = journal().stream()
                .filter(e -> e instanceof IncidentEvent.StepFinished).map(e -> (IncidentEvent.StepFinished) e).toList();
        assertThat(finished).extracting(IncidentEvent.StepFinished::host).containsExactlyInAnyOrder("web-01", "web-02");
        assertThat(finished).allSatisfy(f -> {
            assertThat(f.output()).doesNotContain("ops@example.com");
            assertThat(f.command()).contains("def5678").doesNotContain("{{stable_ref}}");
        });
        assertThat(finished).filteredOn(f -> f.host().equals("web-01")).singleElement()
                .satisfies(f -> assertThat(f.redactions()).containsEntry("email", 1));
        assertThat(Files.readString(session.journalFile())).doesNotContain("ops@example.com");
        assertThat(session.state().milestones()).as("not every host ended OK: no rollback milestone").isEmpty();
    }

    @Test
    void a_hosts_script_stops_at_its_first_failing_command() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        var outcomes = runner.run(session, step(2), List.of(web1), StepRunner.Mode.PARALLEL, Map.of(), null, "jane",
                (h, s, line) -> seen.add(line)).outcomes().get(60, TimeUnit.SECONDS);
        assertThat(outcomes.get("web-01").outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(seen).containsExactly("one");
    }

    @Test
    void rolling_stops_at_the_first_failing_host_and_skips_the_rest() throws Exception {
        var outcomes = runner.run(session, step(0), List.of(web2, web1), StepRunner.Mode.ROLLING,
                Map.of("stable_ref", "def5678"), null, "jane", OutputListener.IGNORE)
                .outcomes().get(60, TimeUnit.SECONDS);
        assertThat(outcomes.get("web-02").outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(outcomes.get("web-01").outcome()).isEqualTo(StepOutcome.NOT_RUN);
        assertThat(journal()).filteredOn(e -> e instanceof IncidentEvent.StepSkipped).singleElement()
                .satisfies(e -> assertThat(((IncidentEvent.StepSkipped) e).reason()).isEqualTo("not run: web-02 ended FAILED"));
    }

    @Test
    void a_host_that_cannot_be_reached_is_not_run_with_its_reason_and_the_others_run() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Host down = SshKit.host("web-03", closedPort, key);

        var outcomes = runner.run(session, step(0), List.of(down, web1), StepRunner.Mode.PARALLEL,
                Map.of("stable_ref", "def5678"), null, "jane", OutputListener.IGNORE)
                .outcomes().get(60, TimeUnit.SECONDS);

        assertThat(outcomes.get("web-03").outcome()).isEqualTo(StepOutcome.NOT_RUN);
        assertThat(outcomes.get("web-03").notRun()).isTrue();
        assertThat(outcomes.get("web-03").reason()).startsWith("not run: web-03 is not connected: ");
        assertThat(outcomes.get("web-01").ok()).isTrue();
        assertThat(StepRunner.succeeded(outcomes)).as("a host that never ran is not a success").isFalse();
        assertThat(journal()).filteredOn(e -> e instanceof IncidentEvent.StepStarted)
                .extracting(e -> ((IncidentEvent.StepStarted) e).host()).containsExactly("web-01");
        assertThat(journal()).filteredOn(e -> e instanceof IncidentEvent.StepSkipped).singleElement()
                .satisfies(e -> assertThat(((IncidentEvent.StepSkipped) e).reason())
                        .isEqualTo(outcomes.get("web-03").reason()));
        assertThat(session.state().milestones()).as("not OK everywhere: no rollback milestone").isEmpty();
    }

    @Test
    void rolling_stops_at_a_host_that_cannot_be_reached_and_the_rest_are_not_run() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Host down = SshKit.host("web-03", closedPort, key);

        var outcomes = runner.run(session, step(0), List.of(down, web1), StepRunner.Mode.ROLLING,
                Map.of("stable_ref", "def5678"), null, "jane", OutputListener.IGNORE)
                .outcomes().get(60, TimeUnit.SECONDS);

        assertThat(outcomes.values()).extracting(StepRunner.HostOutcome::outcome)
                .containsExactly(StepOutcome.NOT_RUN, StepOutcome.NOT_RUN);
        assertThat(outcomes.get("web-01").reason()).isEqualTo("not run: web-03 ended NOT_RUN");
        assertThat(journal()).noneMatch(e -> e instanceof IncidentEvent.StepStarted);
    }

    @Test
    void step_started_holds_the_rendered_command_and_exactly_the_values_the_step_used() throws Exception {
        runner.run(session, step(0), List.of(web1), StepRunner.Mode.PARALLEL,
                Map.of("stable_ref", "def5678", "unused_var", "zzz"), null, "jane", OutputListener.IGNORE)
                .outcomes().get(60, TimeUnit.SECONDS);

        IncidentEvent.StepStarted started = journal().stream().filter(e -> e instanceof IncidentEvent.StepStarted)
                .map(e -> (IncidentEvent.StepStarted) e).findFirst().orElseThrow();
        assertThat(started.values()).containsExactly(Map.entry("stable_ref", "def5678"));
        assertThat(started.command()).contains("checking out def5678").doesNotContain("{{");
    }

    @Test
    void a_step_using_the_rollback_target_that_ends_ok_everywhere_marks_the_rollback() throws Exception {
        session.record(new IncidentEvent.VariableSet("stable_ref", "def5678", "rollback-to")).get();
        runner.run(session, step(0), List.of(web1), StepRunner.Mode.PARALLEL, Map.of("stable_ref", "def5678"), null,
                "jane", OutputListener.IGNORE).outcomes().get(60, TimeUnit.SECONDS);
        assertThat(session.state().milestones()).containsExactly("ROLLED_BACK");
    }

    @Test
    void cancel_stops_the_running_command_and_journals_it_cancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        StepRunner.StepRun run = runner.run(session, step(3), List.of(web1), StepRunner.Mode.PARALLEL, Map.of(), null,
                "jane", (h, s, line) -> started.countDown());
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        run.cancel();

        assertThat(run.outcomes().get(60, TimeUnit.SECONDS).get("web-01").outcome()).isEqualTo(StepOutcome.CANCELLED);
        assertThat(journal()).filteredOn(e -> e instanceof IncidentEvent.StepFinished).singleElement()
                .satisfies(e -> assertThat(((IncidentEvent.StepFinished) e).outcome())
                        .isEqualTo(StepOutcome.CANCELLED));
    }

    @Test
    void the_default_mode_is_rolling_for_restarts() throws Exception {
        assertThat(StepRunner.defaultMode(step(1))).isEqualTo(StepRunner.Mode.ROLLING);
        assertThat(StepRunner.defaultMode(step(0))).isEqualTo(StepRunner.Mode.PARALLEL);
    }
}
