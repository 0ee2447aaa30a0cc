package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.ValueType;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.HostileValues;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Host data never runs as code on the host (issue #14, item 1), against the drill's SSH server running real
 * /bin/sh: hostile git tags flowing from one suggestion into the next, an inventory app_dir, and every hostile
 * step value. The marker file each would create must never appear.
 */
class StepRunnerHostileValuesTest {
    @TempDir
    Path dir;
    SshKit kit;
    MinaSshServer server;
    Path key;
    IncidentSession session;
    StepRunner runner;
    Path repo;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        key = TestKeys.generate(dir, "id_ed25519");
        server = MinaSshServer.withEnv(Map.of("REDISCLI_AUTH", "s3cret-from-env"), TestKeys.publicKey(key));
        kit.trust(server);
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x", Severity.P1,
                "production", "jane", "hostile.md", "UTC");
        runner = new StepRunner(kit.connections(), new Redactor(), kit.io);
        repo = dir.resolve("app");
        Files.createDirectories(repo);
        git("init", "-q");
        Files.writeString(repo.resolve("README"), "release\n");
        git("add", "README");
        git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "release");
    }

    @AfterEach
    void tearDown() throws Exception {
        session.close();
        kit.close();
        server.close();
    }

    private Host host(String appDir) {
        Host h = SshKit.host("web-01", server.port(), key);
        return new Host(h.name(), h.address(), h.port(), h.user(), h.identityFiles(), h.agent(), h.tags(), appDir,
                h.group(), h.redis(), h.breakers(), h.healthChecks(), h.thresholds());
    }

    private String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.strip();
    }

    private static final String SUGGESTIONS = """
            ---
            variables:
              app_dir: {description: the checkout}
              release_tag:
                suggest: git -C {{app_dir}} tag --list 'v1.*'
              release_commit:
                suggest: git -C {{app_dir}} rev-list -n 1 {{release_tag}}
            ---
            # Release
            ## Show the release (1 minute)
            ```bash
            echo "tag {{release_tag}}"
            git -C {{app_dir}} rev-list -n 1 --abbrev-commit {{release_tag}}
            ```
            """;

    @ParameterizedTest(name = "tag {0}")
    @ValueSource(strings = {"v1.2$(touch${IFS}MARKER)", "v1.2`touch${IFS}MARKER`"})
    void a_hostile_tag_from_one_suggestion_reaches_the_next_and_the_step_as_a_literal_word(String form)
            throws Exception {
        Path marker = dir.resolve("pwned");
        String tag = form.replace("MARKER", marker.toString());
        git("tag", tag);
        String commit = git("rev-parse", "HEAD");
        Runbook rb = new RunbookParser().parse("hostile.md", SUGGESTIONS);
        Host web = host(repo.toString());

        var filled = VariableDefaults.prefillWithReasons(rb, web,
                command -> VariableDefaults.firstChoice(kit.connections(), web, command));

        assertThat(filled.reasons()).isEmpty();
        assertThat(filled.values()).containsEntry("release_tag", tag).containsEntry("release_commit", commit);
        List<String> seen = new CopyOnWriteArrayList<>();
        var outcomes = runner.run(session, rb.steps().get(0), List.of(web), StepRunner.Mode.PARALLEL,
                filled.values(), null, "jane", (h, s, line) -> seen.add(line)).outcomes().get(60, TimeUnit.SECONDS);
        assertThat(outcomes.get("web-01").outcome()).isEqualTo(StepOutcome.OK);
        assertThat(seen).hasSize(2).startsWith("tag " + tag);
        assertThat(commit).startsWith(seen.get(1));
        assertThat(seen.get(1)).hasSizeGreaterThanOrEqualTo(7);
        assertThat(Files.notExists(marker)).as("marker file").isTrue();
    }

    @Test
    void an_inventory_app_dir_with_a_command_is_refused_and_no_suggestion_using_it_runs() throws Exception {
        Path marker = dir.resolve("pwned");
        git("tag", "v1.0");
        Runbook rb = new RunbookParser().parse("hostile.md", SUGGESTIONS);
        Host web = host(repo + "$(touch " + marker + ")");
        List<String> ran = new CopyOnWriteArrayList<>();

        var filled = VariableDefaults.prefillWithReasons(rb, web, command -> {
            ran.add(command);
            return VariableDefaults.firstChoice(kit.connections(), web, command);
        });

        assertThat(filled.values()).isEmpty();
        assertThat(filled.reasons()).containsEntry("app_dir", "the value from the inventory's app_dir of web-01 is not"
                + " a path of letters, digits and / . _ - + @ : , =.")
                .containsEntry("release_tag", "its suggestion was not run: app_dir has no value yet.");
        assertThat(ran).isEmpty();
        assertThat(Files.notExists(marker)).as("marker file").isTrue();
    }

    @Test
    void every_hostile_step_value_reaches_the_host_as_one_literal_argument() throws Exception {
        Path marker = dir.resolve("pwned");
        Runbook rb = new RunbookParser().parse("hostile.md", """
                ---
                variables:
                  value: {type: text}
                ---
                # Echo
                ## Echo (1 minute)
                ```bash
                printf '<%s>\\n' {{value}}
                printf '<%s>\\n' "{{value}}"
                ```
                """);
        Host web = host(null);
        List<String> wrong = new ArrayList<>();
        List<String> values = HostileValues.fixed(marker);
        int refused = 0;
        for (String value : values) {
            if (ValueType.TEXT.problem(value) != null) { // x[$(…)]: bash would run it if used as a number
                assertThatThrownBy(() -> runner.run(session, rb.steps().get(0), List.of(web),
                        StepRunner.Mode.PARALLEL, Map.of("value", value), null, "jane", (h, s, line) -> { }))
                        .isInstanceOf(StepNotReadyException.class);
                refused++;
                continue;
            }
            List<String> seen = new CopyOnWriteArrayList<>();
            var outcomes = runner.run(session, rb.steps().get(0), List.of(web), StepRunner.Mode.PARALLEL,
                    Map.of("value", value), null, "jane", (h, s, line) -> seen.add(line))
                    .outcomes().get(60, TimeUnit.SECONDS);
            if (StepOutcome.OK != outcomes.get("web-01").outcome() || !seen.equals(List.of("<" + value + ">",
                    "<" + value + ">"))) {
                wrong.add(value + " → " + seen);
            }
        }
        System.out.printf("hostile step values over SSH: %d values, %d refused by type, %d wrong, marker files: %d%n",
                values.size(), refused, wrong.size(), Files.exists(marker) ? 1 : 0);
        assertThat(refused).isEqualTo(2);
        assertThat(wrong).isEmpty();
        assertThat(Files.notExists(marker)).as("marker file").isTrue();
    }

    @Test
    void a_git_ref_that_is_an_option_or_two_words_is_refused_and_an_odd_valid_one_is_literal() throws Exception {
        Runbook rb = new RunbookParser().parse("hostile.md", """
                ---
                variables:
                  stable_ref: {role: rollback-to}
                ---
                # Reset
                ## Show the reset (1 minute)
                ```bash
                printf '<%s>\\n' git reset {{stable_ref}}
                ```
                """);
        Host web = host(null);
        for (String[] refused : new String[][] {{"HEAD --hard", "is not a git ref"},
                {"--output=somefile", "starts with '-', so a command would read it as an option"},
                {"*", "is not a git ref"}, {"abc #", "is not a git ref"},
                {"a\0b", "contains a NUL character"}, {"x".repeat(1_000_000), "characters long"}}) {
            assertThatThrownBy(() -> runner.run(session, rb.steps().get(0), List.of(web), StepRunner.Mode.PARALLEL,
                    Map.of("stable_ref", refused[0]), null, "jane", (h, s, line) -> { }))
                    .isInstanceOf(StepNotReadyException.class).hasMessageStartingWith("stable_ref ")
                    .hasMessageContaining(refused[1]).hasMessageEndingWith(": change it before running.");
        }
        for (String odd : List.of("$REDISCLI_AUTH", "{main,--hard}", "v1;reboot", "a|b&c")) {
            List<String> seen = new CopyOnWriteArrayList<>();
            // "reboot" inside the quoted word still reads as a danger to the text rules: confirmed here
            runner.run(session, rb.steps().get(0), List.of(web), StepRunner.Mode.PARALLEL,
                    Map.of("stable_ref", odd), "production", "jane", (h, s, line) -> seen.add(line))
                    .outcomes().get(60, TimeUnit.SECONDS);
            assertThat(seen).containsExactly("<git>", "<reset>", "<" + odd + ">");
        }
    }

    @Test
    void a_value_that_makes_the_command_dangerous_needs_the_confirmation_and_the_journal_shows_it_filled()
            throws Exception {
        Runbook rb = new RunbookParser().parse("hostile.md", """
                ---
                variables:
                  redis_command: {type: text}
                ---
                # Redis
                ## Run a Redis command (1 minute)
                ```bash
                redis-cli {{redis_command}} || echo no redis-cli on this host
                ```
                """);
        Host web = host(null);
        assertThat(rb.steps().get(0).dangers()).isEmpty();

        assertThatThrownBy(() -> runner.run(session, rb.steps().get(0), List.of(web), StepRunner.Mode.PARALLEL,
                Map.of("redis_command", "FLUSHALL"), null, "jane", (h, s, line) -> { }))
                .isInstanceOf(StepNotReadyException.class)
                .hasMessage("type 'production' to confirm: wipes every key of every Redis database:"
                        + " redis-cli FLUSHALL || echo no redis-cli on this host");
        runner.run(session, rb.steps().get(0), List.of(web), StepRunner.Mode.PARALLEL,
                Map.of("redis_command", "FLUSHALL"), "production", "jane", (h, s, line) -> { })
                .outcomes().get(60, TimeUnit.SECONDS);

        List<IncidentEvent> journal = JournalReader.read(session.journalFile()).records().stream()
                .map(JournalRecord::data).toList();
        assertThat(journal).filteredOn(e -> e instanceof IncidentEvent.DangerConfirmed).singleElement()
                .extracting(e -> ((IncidentEvent.DangerConfirmed) e).command())
                .isEqualTo("redis-cli FLUSHALL || echo no redis-cli on this host");
        assertThat(journal).filteredOn(e -> e instanceof IncidentEvent.StepStarted).singleElement()
                .extracting(e -> ((IncidentEvent.StepStarted) e).command())
                .isEqualTo("set -e\nredis-cli FLUSHALL || echo no redis-cli on this host");
        assertThat(StepRunner.preview(rb.steps().get(0), Map.of("redis_command", "two words")))
                .isEqualTo("redis-cli 'two words' || echo no redis-cli on this host");
        assertThat(StepRunner.preview(rb.steps().get(0), Map.of()))
                .isEqualTo("not ready: fill in before running: {{redis_command}}");
    }
}
