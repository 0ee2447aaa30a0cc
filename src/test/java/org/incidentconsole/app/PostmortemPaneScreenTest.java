package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.incidentconsole.testing.FxScreen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** On the drill window: the Postmortem pane's saves reach the exported report. */
@ExtendWith(ApplicationExtension.class)
class PostmortemPaneScreenTest {
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

    private static void waitForStatus(FxRobot robot, String expected) throws Exception {
        try {
            waitFor(10, () -> textNow(robot, "#postmortem-status").startsWith(expected));
        } catch (TimeoutException e) {
            throw new AssertionError("status says \"" + textNow(robot, "#postmortem-status") + "\", not " + expected);
        }
    }

    private static void type(FxRobot robot, String query, String text) throws Exception {
        waitFor(30, () -> robot.lookup(query).tryQuery().isPresent());
        TextInputControl input = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> input.setText(text));
    }

    @Test
    void fields_and_an_action_item_entered_in_the_pane_appear_in_the_exported_report(FxRobot robot)
            throws Exception {
        clickWhenVisible(robot, "#start-incident");
        clickWhenVisible(robot, "#incident-title");
        robot.write("Checkout API answers 500");
        clickWhenVisible(robot, "Start incident");
        waitFor(30, () -> textNow(robot, "#incident-title-label").startsWith("Checkout API answers 500"));

        clickWhenVisible(robot, "#incident-menu");
        clickWhenVisible(robot, "#postmortem-item");
        type(robot, "#postmortem-root-cause", "The deploy shipped a stale config cache");
        type(robot, "#postmortem-detected-at", "not a time");
        clickWhenVisible(robot, "#postmortem-save");
        waitForStatus(robot, "Detection time \"not a time\" is not");
        type(robot, "#postmortem-detected-at", "");
        clickWhenVisible(robot, "#postmortem-save");
        waitForStatus(robot, "Saved 1 field.");
        type(robot, "#postmortem-item", "Canary config changes");
        type(robot, "#postmortem-item-owner", "omar");
        clickWhenVisible(robot, "#postmortem-item-add");
        waitForStatus(robot, "Action item added.");
        clickWhenVisible(robot, "Close");

        clickWhenVisible(robot, "#export-report");
        waitFor(30, () -> !textNow(robot, "#report-text").isEmpty());
        String md = textNow(robot, "#report-text");
        assertThat(md).contains("The deploy shipped a stale config cache", "| Canary config changes | prevent | omar |",
                "Not entered — Postmortem pane, field “Resolution”.");
    }
}
