package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import static org.incidentconsole.testing.FxScreen.text;
import static org.incidentconsole.testing.FxScreen.waitFor;

/** The window on the local drill: an unmistakable banner, and the drill host connected without a prompt. */
@ExtendWith(ApplicationExtension.class)
class DrillWindowTest {
    @TempDir
    Path dir;
    DrillOnScreen window;

    @Start
    void start(Stage stage) throws Exception {
        window = DrillOnScreen.open(stage, dir, false);
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    @Test
    void the_drill_shows_its_banner_and_connects_its_host(FxRobot robot) throws Exception {
        waitFor(30, () -> robot.lookup("#state-drill-web-01").tryQuery()
                .map(n -> "connected".equals(((Label) n).getText())).orElse(false));
        assertThat(text(robot, ".environment-badge")).isEqualTo("DRILL");
        assertThat(robot.lookup("#drill-notice").queryAs(Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#drill-notice")).contains("Nothing here touches production");
    }

    @Test
    void health_is_red_breakers_are_open_and_the_advisor_says_roll_back(FxRobot robot) throws Exception {
        javafx.scene.control.TableView<org.incidentconsole.ui.health.HealthRow> health =
                robot.lookup("#health-table").queryTableView();
        waitFor(60, () -> health.getItems().stream().anyMatch(r ->
                r.check().equals("api-health") && r.statusProperty().get() == org.incidentconsole.health.HealthStatus.CRITICAL));
        javafx.scene.control.TableView<org.incidentconsole.ui.breakers.BreakerRow> breakers =
                robot.lookup("#breaker-table").queryTableView();
        waitFor(60, () -> breakers.getItems().stream().anyMatch(r ->
                r.service().equals("calcom") && r.stateText().equals("open · STUCK")));
        waitFor(60, () -> text(robot, "#advice").contains("ROLL BACK NOW"));
        waitFor(30, () -> text(robot, "#advice-reasons")
                .contains("health endpoint failing"));
        assertThat(text(robot, "#advice-reasons")).contains("stuck open");
    }
}
