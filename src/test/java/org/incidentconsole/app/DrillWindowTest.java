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
        org.incidentconsole.testing.FxScreen.forgetEarlierTestsExceptions();
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

    @Test
    void a_breaker_the_operator_selected_stays_selected_while_the_panel_repolls(FxRobot robot) throws Exception {
        javafx.scene.control.TableView<org.incidentconsole.ui.breakers.BreakerRow> breakers =
                robot.lookup("#breaker-table").queryTableView();
        waitFor(60, () -> breakers.getItems().stream().anyMatch(r -> r.service().equals("calcom")));
        org.incidentconsole.testing.FxScreen.clickWhenVisible(robot, "calcom");
        waitFor(10, () -> isSelected(breakers, "calcom"));

        // each poll replaces every row, and calcom's failures keep rising as they would in an outage: after each
        // poll one more failure is counted, so no row is ever equal to the one the operator clicked
        java.util.concurrent.CountDownLatch polls = new java.util.concurrent.CountDownLatch(3);
        java.util.concurrent.ExecutorService redis = java.util.concurrent.Executors.newSingleThreadExecutor();
        javafx.collections.ListChangeListener<Object> onPoll = c -> {
            polls.countDown();
            redis.execute(this::oneMoreCalcomFailure);
        };
        try {
            robot.interact(() -> breakers.getItems().addListener(onPoll));
            redis.execute(this::oneMoreCalcomFailure);
            assertThat(polls.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("three polls").isTrue();
        } finally {
            robot.interact(() -> breakers.getItems().removeListener(onPoll));
            redis.shutdownNow();
        }
        java.util.concurrent.atomic.AtomicBoolean still = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> still.set(isSelected(breakers, "calcom")));
        assertThat(still).as("calcom still selected after three polls").isTrue();
        assertThat(robot.lookup("#breaker-reset").queryButton().isDisabled()).isFalse();
    }

    private void oneMoreCalcomFailure() {
        try (var jedis = new redis.clients.jedis.Jedis("127.0.0.1", window.drill().redisPort())) {
            jedis.incr("circuit_breaker:calcom:failures");
        }
    }

    private static boolean isSelected(javafx.scene.control.TableView<org.incidentconsole.ui.breakers.BreakerRow> t,
                                      String service) {
        var selected = t.getSelectionModel().getSelectedItems();
        return selected.size() == 1 && selected.get(0).service().equals(service);
    }
}
