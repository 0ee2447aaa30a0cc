package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.incidentconsole.drill.DrillEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window on the local drill: an unmistakable banner, and the drill host connected without a prompt. */
@ExtendWith(ApplicationExtension.class)
class DrillWindowTest {
    @TempDir
    Path dir;
    DrillEnvironment drill;
    ConsoleServices services;

    @Start
    void start(Stage stage) throws Exception {
        drill = DrillEnvironment.start(false);
        services = ConsoleServices.forDrill(new AppHome(dir), drill);
        ConsoleApplication.showWindow(stage, services, drill.inventory(), true);
    }

    @AfterEach
    void tearDown() {
        services.close();
        drill.close();
    }

    private static String text(FxRobot robot, String id) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            robot.lookup(id).tryQuery().ifPresent(n -> seen.set(((Label) n).getText()));
            return seen.get() != null;
        });
        return seen.get();
    }

    @Test
    void the_drill_shows_its_banner_and_connects_its_host(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#state-drill-web-01").tryQuery()
                .map(n -> "connected".equals(((Label) n).getText())).orElse(false));
        assertThat(text(robot, ".environment-badge")).isEqualTo("DRILL");
        assertThat(robot.lookup("#drill-notice").queryAs(Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#drill-notice")).contains("Nothing here touches production");
    }

    @Test
    void health_is_red_breakers_are_open_and_the_advisor_says_roll_back(FxRobot robot) throws Exception {
        javafx.scene.control.TableView<org.incidentconsole.ui.health.HealthRow> health =
                robot.lookup("#health-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> health.getItems().stream().anyMatch(r ->
                r.check().equals("api-health") && r.statusProperty().get() == org.incidentconsole.health.HealthStatus.CRITICAL));
        javafx.scene.control.TableView<org.incidentconsole.ui.breakers.BreakerRow> breakers =
                robot.lookup("#breaker-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> breakers.getItems().stream().anyMatch(r ->
                r.service().equals("calcom") && r.stateText().equals("open · STUCK")));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#advice").contains("ROLL BACK NOW"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#advice-reasons")
                .contains("health endpoint failing"));
        assertThat(text(robot, "#advice-reasons")).contains("stuck open");
    }
}
