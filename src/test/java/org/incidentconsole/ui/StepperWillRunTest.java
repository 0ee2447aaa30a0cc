package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.ui.runbook.StepperViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stepper shows each step's commands as they will run, values filled in as quoted words, before Run. */
class StepperWillRunTest {
    @TempDir
    Path dir;
    IncidentSession session;
    final List<String> suggestionsRun = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x", Severity.P2,
                "production", "jane", "r.md", "UTC");
    }

    @AfterEach
    void close() {
        session.close();
    }

    private StepperViewModel openWith(Map<String, String> firstChoices) throws Exception {
        Path file = dir.resolve("r.md");
        Files.writeString(file, """
                ---
                variables:
                  release_tag:
                    suggest: git tag --list
                  stable_ref:
                    suggest: git rev-list -n 1 {{release_tag}}
                    role: rollback-to
                ---
                # Rollback
                ## Switch (1 minute)
                ```bash
                git checkout --detach {{stable_ref}}  # danger: changes the code
                echo "from {{release_tag}}"
                ```
                """);
        StepperViewModel model = new StepperViewModel(Runnable::run, Runnable::run, () -> session,
                new StepRunner(null, new Redactor(), null), List::of, List::of, command -> {
                    suggestionsRun.add(command);
                    return firstChoices.get(command.split(" ")[1]);
                }, "jane", Clock.systemUTC());
        model.open(file);
        return model;
    }

    @Test
    void the_will_run_text_holds_the_filled_commands_and_follows_the_values() throws Exception {
        String tag = "v1.2$(touch${IFS}pwned)";
        StepperViewModel model = openWith(Map.of("tag", tag, "rev-list", "abc1234"));

        assertThat(suggestionsRun).containsExactly("git tag --list", "git rev-list -n 1 'v1.2$(touch${IFS}pwned)'");
        assertThat(model.willRunProperty().get()).isEqualTo("git checkout --detach abc1234  # danger: changes the code\n"
                + "echo \"from v1.2\\$(touch\\${IFS}pwned)\"");

        model.setValue("stable_ref", "HEAD --hard");
        assertThat(model.willRunProperty().get()).isEqualTo("not ready: stable_ref is not a git ref (branch, tag or"
                + " commit; ~N and ^N allowed at the end): change it before running.");

        model.setValue("stable_ref", "");
        assertThat(model.willRunProperty().get()).isEqualTo("not ready: fill in before running: {{stable_ref}}");
    }

    @Test
    void a_suggestion_result_its_type_refuses_is_not_offered_and_the_message_says_why() throws Exception {
        StepperViewModel model = openWith(Map.of("tag", "--output=/tmp/x"));

        assertThat(model.values()).doesNotContainKeys("release_tag", "stable_ref");
        assertThat(suggestionsRun).containsExactly("git tag --list");
        assertThat(model.messageProperty().get()).isEqualTo("release_tag left empty: the value from its suggestion"
                + " starts with '-', so a command would read it as an option.  stable_ref left empty: its suggestion"
                + " was not run: release_tag has no value yet.");
    }
}
