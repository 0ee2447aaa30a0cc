package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.testing.KilledChild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A console SIGKILLed in the middle of step 4, then the real window relaunched on the drill: Resume reopens the
 * runbook at step 4 with steps 1–3 marked, the tick and the typed value restored, step 4 UNKNOWN on its host, and
 * step 5 run from the window uses the journaled value.
 */
@ExtendWith(ApplicationExtension.class)
class WindowResumeAfterKillTest {
    static final String RUNBOOK = """
            ---
            variables:
              stable_ref: {role: rollback-to, suggest: "echo suggested"}
            ---
            # Rollback
            ## Look
            ```bash
            echo looked
            ```
            - [ ] Noted the deployed ref
            ## Switch
            ```bash
            echo "switching to {{stable_ref}}"
            ```
            ## Clear caches
            ```bash
            echo cleared
            ```
            ## Restart workers
            ```bash
            echo "restarting on {{stable_ref}}"
            sleep 30
            ```
            ## Verify
            ```bash
            echo "verifying {{stable_ref}}"
            ```
            """;

    @TempDir
    static Path home;
    static String id;
    DrillOnScreen window;

    @BeforeAll
    static void a_console_is_killed_mid_step() throws Exception {
        Path runbook = home.resolve("rollback.md");
        Files.writeString(runbook, RUNBOOK);
        id = KilledChild.killMidStep(WindowCrashChild.class, home.toString(), runbook.toString());
    }

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        window = DrillOnScreen.open(stage, home, true);
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    @Test
    void resume_reopens_the_runbook_at_the_interrupted_step_unknown_and_the_next_step_uses_the_journaled_value(
            FxRobot robot) throws Exception {
        clickWhenVisible(robot, "#start-incident");
        waitFor(30, () -> robot.lookup("#incident-title").tryQuery().isPresent());
        assertThat(robot.lookup("#other-incidents").tryQuery()).as("the drill's incident is not set apart: "
                + textNow(robot, "#other-incidents .list-cell")).isEmpty();
        ListView<?> open = robot.lookup("#unfinished-incidents").queryListView();
        assertThat(open.getItems()).singleElement().asString().contains(id);
        robot.interact(() -> open.getSelectionModel().select(0));
        clickWhenVisible(robot, "Resume selected");

        ListView<Step> steps = robot.lookup("#step-list").queryListView();
        waitFor(60, () -> steps.getItems().size() == 5);
        waitFor(30, () -> textNow(robot, "#step-heading").startsWith(steps.getItems().get(3).pathText()));
        List<String> marked = List.of("✓ Look", "✓ Switch", "✓ Clear caches", "? Restart workers", "Verify");
        try {
            waitFor(30, () -> stepCells(robot).equals(marked));
        } catch (TimeoutException e) {
            throw new AssertionError("step list shows " + stepCells(robot) + ", expected " + marked);
        }
        assertThat(robot.lookup("#output-tabs").queryAs(TabPane.class).getTabs())
                .extracting(Tab::getText).contains("drill-web-01 · UNKNOWN");
        assertThat(robot.lookup("#var-stable_ref").queryAs(TextField.class).getText()).isEqualTo("ccc3333");

        Step look = steps.getItems().get(0);
        robot.interact(() -> steps.getSelectionModel().select(0));
        waitFor(30, () -> textNow(robot, "#step-heading").startsWith(look.pathText()));
        assertThat(textNow(robot, "#check-" + look.checklist().get(0).line())).contains("✓ ").contains("jana");

        Step verify = steps.getItems().get(4);
        robot.interact(() -> steps.getSelectionModel().select(4));
        waitFor(30, () -> textNow(robot, "#step-heading").startsWith(verify.pathText()));
        clickWhenVisible(robot, "#run-step");
        waitFor(120, () -> textNow(robot, "#step-message").startsWith(verify.title() + ": drill-web-01 "));
        assertThat(textNow(robot, "#step-message")).contains("drill-web-01 OK");

        List<IncidentEvent> journal = JournalReader.read(home.resolve("incidents").resolve(id)
                .resolve("journal.jsonl")).records().stream().map(JournalRecord::data).toList();
        List<IncidentEvent.StepStarted> started = journal.stream().filter(IncidentEvent.StepStarted.class::isInstance)
                .map(IncidentEvent.StepStarted.class::cast).toList();
        assertThat(started).as("nothing ran by itself on resume").hasSize(5);
        assertThat(started.get(4).values()).containsEntry("stable_ref", "ccc3333");
        assertThat(started.get(4).command()).contains("verifying ccc3333");
        assertThat(journal).filteredOn(IncidentEvent.StepFinished.class::isInstance)
                .map(e -> (IncidentEvent.StepFinished) e).extracting(f -> f.step() + " " + f.outcome())
                .contains("Rollback › Restart workers UNKNOWN");
        robot.type(KeyCode.ESCAPE);
    }

    /** The step list's cells as drawn, in order. */
    private static List<String> stepCells(FxRobot robot) {
        return IntStream.range(0, 5).mapToObj(i -> textNow(robot, "#step-" + i)).toList();
    }
}
