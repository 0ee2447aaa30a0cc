package org.incidentconsole.ui.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.ManualMark;
import org.incidentconsole.incident.StepOutcome;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.testing.FxScreen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The stepper walks the kinds as written, each act by mouse and by keyboard: an alternative chosen (only it runs,
 * the other is journaled skipped), a question answered (the other answer's section is passed over), a watch
 * ended with Stable (outcome OK), a manual step marked done — each journaled and signed by the operator.
 */
@ExtendWith(ApplicationExtension.class)
class StepperWalkScreenTest {
    @TempDir
    Path dir;
    WalkScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        screen = WalkScreen.open(stage, dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        screen.close();
    }

    private void select(FxRobot robot, String title) throws Exception {
        ListView<Step> list = robot.lookup("#step-list").queryListView();
        waitFor(30, () -> !list.getItems().isEmpty());
        int i = screen.index(title);
        robot.interact(() -> list.getSelectionModel().select(i));
        waitFor(10, () -> screen.model.selectedProperty().get() == list.getItems().get(i));
        robot.interact(list::requestFocus); // the keys go to the stepper, as after clicking the step
    }

    private static void act(FxRobot robot, String how, String button, KeyCode key) throws Exception {
        if (how.equals("mouse")) {
            clickWhenVisible(robot, button);
        } else {
            robot.type(key);
        }
    }

    @ParameterizedTest(name = "by {0}")
    @ValueSource(strings = {"mouse", "keyboard"})
    void choosing_an_alternative_runs_only_it_and_journals_the_other_as_skipped(String how, FxRobot robot)
            throws Exception {
        select(robot, "Step 1");
        assertThat(robot.lookup("#run-step").queryButton().isDisabled()).as("nothing runs before a choice").isTrue();

        act(robot, how, "#alternative-2", KeyCode.DIGIT2);

        waitFor(30, () -> !screen.journaled(IncidentEvent.AlternativeChosen.class).isEmpty());
        IncidentEvent.AlternativeChosen chosen = screen.journaled(IncidentEvent.AlternativeChosen.class).get(0);
        assertThat(chosen.chosen()).isEqualTo("OPTION B: only the breakers");
        assertThat(chosen.skipped()).containsExactly("OPTION A: the whole database");
        assertThat(chosen.by()).isEqualTo("jana");
        waitFor(10, () -> !robot.lookup("#run-step").queryButton().isDisabled());
        clickWhenVisible(robot, "#run-step");
        waitFor(60, () -> StepMark.SUCCEEDED.equals(screen.model.marks().get(screen.model.steps()
                .get(screen.index("Step 1"))
                .pathText())));
        assertThat(screen.model.output()).anyMatch(l -> l.endsWith("clearing-breakers"))
                .noneMatch(l -> l.contains("wiping-everything"));
        assertThat(screen.journaled(IncidentEvent.StepStarted.class)).singleElement()
                .satisfies(s -> assertThat(s.command()).contains("clearing-breakers")
                        .doesNotContain("wiping-everything"));
    }

    @ParameterizedTest(name = "by {0}")
    @ValueSource(strings = {"mouse", "keyboard"})
    void answering_a_question_journals_it_and_passes_over_the_other_answers_section(String how, FxRobot robot)
            throws Exception {
        select(robot, "Step 2");

        act(robot, how, "#answer-0-2", KeyCode.DIGIT2);

        waitFor(30, () -> !screen.journaled(IncidentEvent.DecisionAnswered.class).isEmpty());
        IncidentEvent.DecisionAnswered answered = screen.journaled(IncidentEvent.DecisionAnswered.class).get(0);
        assertThat(answered.question()).isEqualTo("Who is affected by the outage?");
        assertThat(answered.answer()).contains("only staff are affected");
        assertThat(answered.target()).endsWith("Team channel");
        assertThat(answered.by()).isEqualTo("jana");
        String statusPage = screen.model.steps().get(screen.index("Status page")).pathText();
        String team = screen.model.steps().get(screen.index("Team channel")).pathText();
        waitFor(10, () -> StepMark.SKIPPED.equals(screen.model.marks().get(statusPage)));
        assertThat(screen.model.marks()).doesNotContainKey(team);
        assertThat(screen.model.walk().gatedOut(screen.model.steps().get(screen.index("Status page")))).isTrue();
    }

    @ParameterizedTest(name = "by {0}")
    @ValueSource(strings = {"mouse", "keyboard"})
    void a_watch_streams_until_ended_with_stable_which_is_outcome_ok(String how, FxRobot robot) throws Exception {
        select(robot, "Step 3");
        clickWhenVisible(robot, "#run-step");
        waitFor(30, () -> screen.model.output().stream().anyMatch(l -> l.endsWith("GET /api/health 200")));
        Files.writeString(screen.log, "GET /api/health 200 again\n", StandardOpenOption.APPEND);
        waitFor(30, () -> screen.model.output().stream().anyMatch(l -> l.endsWith("200 again")));
        assertThat(robot.lookup("#watch-clock").queryLabeled().getText()).contains("left of 1 min");
        robot.interact(() -> robot.lookup("#step-list").query().requestFocus());

        act(robot, how, "#watch-stable", KeyCode.S);

        waitFor(30, () -> !screen.journaled(IncidentEvent.StepFinished.class).isEmpty());
        assertThat(screen.journaled(IncidentEvent.WatchEnded.class)).singleElement().satisfies(w -> {
            assertThat(w.stable()).isTrue();
            assertThat(w.how()).isEqualTo("operator");
            assertThat(w.by()).isEqualTo("jana");
        });
        assertThat(screen.journaled(IncidentEvent.StepFinished.class).get(0).outcome()).isEqualTo(StepOutcome.OK);
        String path = screen.model.steps().get(screen.index("Step 3")).pathText();
        waitFor(10, () -> StepMark.SUCCEEDED.equals(screen.model.marks().get(path)));
        waitFor(10, () -> !robot.lookup("#watch-stable").query().getParent().isVisible());
    }

    @ParameterizedTest(name = "by {0}")
    @ValueSource(strings = {"mouse", "keyboard"})
    void a_manual_step_shows_its_instructions_and_is_marked_done_by_the_operator(String how, FxRobot robot)
            throws Exception {
        select(robot, "Team channel");
        assertThat(robot.lookup("#run-step").queryButton().isDisabled()).as("a manual step never runs").isTrue();
        assertThat(robot.lookup("#step-kind").queryLabeled().getText()).startsWith("manual");

        act(robot, how, "#manual-done", KeyCode.D);

        waitFor(30, () -> !screen.journaled(IncidentEvent.ManualStepMarked.class).isEmpty());
        assertThat(screen.journaled(IncidentEvent.ManualStepMarked.class)).singleElement().satisfies(m -> {
            assertThat(m.step()).endsWith("Team channel");
            assertThat(m.mark()).isEqualTo(ManualMark.DONE);
            assertThat(m.by()).isEqualTo("jana");
        });
        String path = screen.model.steps().get(screen.index("Team channel")).pathText();
        waitFor(10, () -> StepMark.DONE.equals(screen.model.marks().get(path)));
    }
}
