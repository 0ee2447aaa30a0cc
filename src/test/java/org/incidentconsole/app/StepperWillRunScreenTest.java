package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Path;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.testing.FxScreen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** On the drill, the stepper shows the step's commands as they will run, and follows what the operator types. */
@ExtendWith(ApplicationExtension.class)
class StepperWillRunScreenTest {
    @TempDir
    Path dir;
    DrillOnScreen window;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        window = DrillOnScreen.open(stage, dir, true);
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    @Test
    void the_will_run_text_shows_the_filled_rollback_and_refuses_an_option_typed_as_the_ref(FxRobot robot)
            throws Exception {
        clickWhenVisible(robot, "#start-incident");
        clickWhenVisible(robot, "#incident-title");
        robot.write("Checkout API answers 500");
        clickWhenVisible(robot, "Start incident");
        waitFor(30, () -> textNow(robot, "#incident-title-label").startsWith("Checkout API answers 500"));
        waitFor(30, () -> textNow(robot, "#state-drill-web-01").equals("connected"));
        clickWhenVisible(robot, "#open-runbook");
        ListView<Step> steps = robot.lookup("#step-list").queryListView();
        waitFor(60, () -> steps.getItems().stream().anyMatch(s -> s.title().startsWith("Prepare the post-mortem")));
        int step2 = DrillOnScreen.indexOf(steps.getItems(), "Step 2");
        Step step = steps.getItems().get(step2);
        robot.interact(() -> steps.getSelectionModel().select(step2));
        waitFor(30, () -> textNow(robot, "#step-heading").startsWith(step.pathText()));

        waitFor(30, () -> textNow(robot, "#will-run").contains("git checkout --detach "));
        assertThat(textNow(robot, "#will-run")).containsPattern("(?m)^cd /\\S+$")
                .containsPattern("git checkout --detach [0-9a-f]{7,}  # danger: changes the code that serves users")
                .doesNotContain("{{");

        TextField ref = robot.lookup("#var-stable_ref").queryAs(TextField.class);
        robot.interact(() -> ref.setText("HEAD --hard"));
        waitFor(10, () -> textNow(robot, "#will-run").startsWith("not ready: stable_ref is not a git ref"));
        robot.interact(() -> ref.setText("release 2"));
        waitFor(10, () -> textNow(robot, "#will-run").startsWith("not ready: stable_ref is not a git ref"));
        robot.interact(() -> ref.setText("v1.2$(id)"));
        waitFor(10, () -> textNow(robot, "#will-run").contains("git checkout --detach 'v1.2$(id)'"));
    }
}
