package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.text;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.ui.breakers.BreakerRow;
import org.incidentconsole.ui.health.HealthRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window on the local drill: an unmistakable banner, and the drill host connected without a prompt. */
@ExtendWith(ApplicationExtension.class)
class DrillWindowTest {
    @TempDir
    Path dir;
    DrillOnScreen window;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
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
        TableView<HealthRow> health =
                robot.lookup("#health-table").queryTableView();
        waitFor(60, () -> health.getItems().stream().anyMatch(r ->
                r.check().equals("api-health") && r.statusProperty().get() == HealthStatus.CRITICAL));
        TableView<BreakerRow> breakers =
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
        TableView<BreakerRow> breakers =
                robot.lookup("#breaker-table").queryTableView();
        waitFor(60, () -> breakers.getItems().stream().anyMatch(r -> r.service().equals("calcom")));
        FxScreen.clickWhenVisible(robot, "calcom");
        waitFor(10, () -> isSelected(breakers, "calcom"));

        // each poll replaces every row, and calcom's failures keep rising as they would in an outage: after each
        // poll one more failure is counted, so no row is ever equal to the one the operator clicked
        CountDownLatch polls = new CountDownLatch(3);
        ExecutorService redis = Executors.newSingleThreadExecutor();
        ListChangeListener<Object> onPoll = c -> {
            polls.countDown();
            redis.execute(this::oneMoreCalcomFailure);
        };
        try {
            robot.interact(() -> breakers.getItems().addListener(onPoll));
            redis.execute(this::oneMoreCalcomFailure);
            assertThat(polls.await(30, TimeUnit.SECONDS)).as("three polls").isTrue();
        } finally {
            robot.interact(() -> breakers.getItems().removeListener(onPoll));
            redis.shutdownNow();
        }
        AtomicBoolean still = new AtomicBoolean();
        robot.interact(() -> still.set(isSelected(breakers, "calcom")));
        assertThat(still).as("calcom still selected after three polls").isTrue();
        assertThat(robot.lookup("#breaker-reset").queryButton().isDisabled()).isFalse();
    }

    private void oneMoreCalcomFailure() {
        try (var jedis = new redis.clients.jedis.Jedis("127.0.0.1", window.drill().redisPort())) {
            jedis.incr("circuit_breaker:calcom:failures");
        }
    }

    private static boolean isSelected(TableView<BreakerRow> t,
                                      String service) {
        var selected = t.getSelectionModel().getSelectedItems();
        return selected.size() == 1 && selected.get(0).service().equals(service);
    }
}
