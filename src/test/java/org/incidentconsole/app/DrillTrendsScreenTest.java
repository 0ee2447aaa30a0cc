package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polyline;
import javafx.stage.Stage;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.ui.breakers.BreakerRow;
import org.incidentconsole.ui.health.HealthRow;
import org.incidentconsole.ui.trend.Sparkline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** #19 trends on the drill: after a few polls the health rows and the open breaker draw their sparklines. */
@ExtendWith(ApplicationExtension.class)
class DrillTrendsScreenTest {
    @TempDir
    java.nio.file.Path dir;
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
    void a_health_row_shows_a_sparkline_of_its_numbers_after_a_few_polls(FxRobot robot) throws Exception {
        TableView<HealthRow> health = robot.lookup("#health-table").queryTableView();
        waitFor(90, () -> health.getItems().stream().anyMatch(r -> r.check().equals("error-rate")
                && r.trendVersionProperty().get() >= 3));
        AtomicReference<List<Double>> line = new AtomicReference<>(List.of());
        waitFor(30, () -> {
            robot.interact(() -> line.set(sparklineIn(health, "error-rate").map(s -> List.copyOf(
                    ((Polyline) s.lookup(".trend-line")).getPoints())).orElse(List.of())));
            return line.get().size() >= 4; // at least two points (x, y) drawn
        });
        robot.interact(() -> {
            Sparkline s = sparklineIn(health, "error-rate").orElseThrow();
            assertThat(s.isVisible()).isTrue();
            assertThat(s.getWidth()).isGreaterThan(20);
            assertThat(((Node) s.getParent()).getStyleClass()).contains("sparkline-cell");
        });
        assertThat(health.getItems().stream().filter(r -> r.check().equals("error-rate")).findFirst().orElseThrow()
                .unit()).isEqualTo("%");
    }

    @Test
    void the_open_breaker_shows_its_state_as_a_red_band(FxRobot robot) throws Exception {
        TableView<BreakerRow> breakers = robot.lookup("#breaker-table").queryTableView();
        waitFor(90, () -> breakers.getItems().stream().anyMatch(r -> r.service().equals("calcom")));
        AtomicReference<Integer> openBand = new AtomicReference<>(0);
        waitFor(30, () -> {
            robot.interact(() -> openBand.set(robot.lookup("#breaker-table .sparkline").queryAll().stream()
                    .mapToInt(n -> ((Path) n.lookup(".trend-band-open")).getElements().size()).sum()));
            return openBand.get() > 0;
        });
        assertThat(openBand.get()).as("path elements of open segments").isGreaterThanOrEqualTo(5);
    }

    /** The sparkline in the row of that check, found through the cell it is the graphic of. */
    private static Optional<Sparkline> sparklineIn(TableView<HealthRow> table, String check) {
        return table.lookupAll(".sparkline").stream().map(Sparkline.class::cast)
                .filter(s -> s.getParent() instanceof TableCell<?, ?> cell
                        && cell.getTableRow() != null && cell.getTableRow().getItem() instanceof HealthRow r
                        && r.check().equals(check))
                .findFirst();
    }
}
