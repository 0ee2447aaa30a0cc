package org.incidentconsole.ui.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.incident.SuggestedValues;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.runbook.SuggestionSource;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a step reads from its environment are asked for (or confirmed as set on the host) before it runs, and a
 * placeholder's values are offered from an earlier step's output when the shapes match.
 */
class StepperInputsTest {
    @TempDir
    Path dir;
    SshKit kit;
    MinaSshServer sshd;
    IncidentSession session;
    StepperViewModel model;
    Path repo;

    static final String RUNBOOK = """
            # Deploy rollback

            ## Rollback (5 minutes)

            ### Step 1: History (30 seconds)
            ```bash
            cd %1$s
            git log --oneline -5
            ```

            ### Step 2: Check out (1 minute)
            ```bash
            cd %1$s
            git checkout --quiet --detach def5678  # Replace with the commit hash
            git log -1 --format=%%s
            ```

            ### Step 3: Ping (30 seconds)
            ```bash
            echo "pinging http://${API_HOST}:8080/healthz"
            ```
            """;

    @BeforeEach
    void setUp() throws Exception {
        repo = dir.resolve("repo");
        Files.createDirectories(repo);
        git("init", "-q");
        for (String message : List.of("Previous stable version", "Broken release")) {
            Files.writeString(repo.resolve("VERSION"), message);
            git("add", "VERSION");
            git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", message);
        }
        kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        Host web1 = SshKit.host("web-01", sshd.port(), key);
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x", Severity.P1,
                "drill", "jana", "r.md", "UTC");
        Path file = dir.resolve("rollback.md");
        Files.writeString(file, RUNBOOK.formatted(repo));
        model = new StepperViewModel(Runnable::run, Runnable::run, () -> session,
                new StepRunner(kit.connections(), new Redactor(), kit.io), List::of, () -> List.of(web1),
                command -> null, "jana", Clock.systemUTC(), new SimpleStringProperty(""));
        model.open(file);
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    @AfterEach
    void tearDown() throws Exception {
        session.close();
        kit.close();
        sshd.close();
    }

    private Step step(String title) {
        return model.steps().stream().filter(s -> s.title().startsWith(title)).findFirst().orElseThrow();
    }

    private List<IncidentEvent.StepStarted> started() throws Exception {
        return JournalReader.read(session.journalFile()).records().stream().map(JournalRecord::data)
                .filter(IncidentEvent.StepStarted.class::isInstance).map(IncidentEvent.StepStarted.class::cast)
                .toList();
    }

    @Test
    void an_input_neither_given_nor_confirmed_stops_the_run_and_a_given_one_is_exported_as_one_word()
            throws Exception {
        model.select(step("Step 3"));

        assertThat(model.run(null).get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(model.messageProperty().get())
                .isEqualTo("Give API_HOST a value, or tick “set on the host”, before running.");
        assertThat(started()).isEmpty();

        model.setValue("$API_HOST", "10.0.0.5; rm -rf /tmp/x");
        assertThat(model.willRunProperty().get()).startsWith("export API_HOST='10.0.0.5; rm -rf /tmp/x'\n");
        var outcomes = model.run(null).get(60, TimeUnit.SECONDS);

        assertThat(outcomes.get("web-01").ok()).isTrue();
        assertThat(model.output()).contains("web-01 | pinging http://10.0.0.5; rm -rf /tmp/x:8080/healthz");
        assertThat(started()).singleElement().satisfies(s -> assertThat(s.values())
                .containsEntry("$API_HOST", "10.0.0.5; rm -rf /tmp/x"));
    }

    @Test
    void an_input_confirmed_as_set_on_the_host_is_left_to_the_host() throws Exception {
        model.select(step("Step 3"));
        model.walk().onHost().add("API_HOST");

        var outcomes = model.run(null).get(60, TimeUnit.SECONDS);

        assertThat(outcomes.get("web-01").ok()).isTrue();
        assertThat(started()).singleElement().satisfies(s -> assertThat(s.command()).doesNotContain("export"));
    }

    @Test
    void a_commit_placeholder_is_offered_the_hashes_an_earlier_git_log_printed_with_their_lines() throws Exception {
        Step checkout = step("Step 2");
        SuggestionSource source = checkout.suggestions().get(0);
        assertThat(source.shape()).isEqualTo(SuggestionSource.Shape.COMMIT);
        model.select(step("Step 1"));
        model.run(null).get(60, TimeUnit.SECONDS);

        List<SuggestedValues.Suggestion> offered = SuggestedValues.from(source.shape(),
                model.outputOf(source.stepPath()));

        assertThat(offered).extracting(SuggestedValues.Suggestion::line)
                .anyMatch(l -> l.endsWith(" Previous stable version")).anyMatch(l -> l.endsWith(" Broken release"));
        SuggestedValues.Suggestion stable = offered.stream().filter(s -> s.line().endsWith("Previous stable version"))
                .findFirst().orElseThrow();
        model.select(checkout);
        model.setValue(source.token(), stable.value());
        model.run(null).get(60, TimeUnit.SECONDS);
        assertThat(model.output()).contains("web-01 | Previous stable version");
    }
}
