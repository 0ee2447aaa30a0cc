package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.ui.breakers.BreakerRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** On the drill: after the breaker confirmation the focus is back on the breakers, not on the next button. */
@ExtendWith(ApplicationExtension.class)
class DialogFocusScreenTest {
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
    void after_the_breaker_confirmation_the_focus_is_on_the_breaker_table(FxRobot robot) throws Exception {
        TableView<BreakerRow> breakers = robot.lookup("#breaker-table").queryTableView();
        waitFor(60, () -> breakers.getItems().stream().anyMatch(r -> r.service().equals("calcom")));
        clickWhenVisible(robot, "calcom");
        waitFor(10, () -> !robot.lookup("#breaker-reset").queryButton().isDisabled());
        clickWhenVisible(robot, "#breaker-reset");
        waitFor(30, () -> robot.lookup("#breaker-confirm").tryQuery().isPresent());
        robot.push(KeyCode.ENTER); // Cancel is the default button
        waitFor(30, () -> robot.lookup("#breaker-confirm").tryQuery().isEmpty());
        waitFor(30, breakers::isFocused);
        assertThat(breakers.getScene().getFocusOwner()).isSameAs(breakers);
    }
}
