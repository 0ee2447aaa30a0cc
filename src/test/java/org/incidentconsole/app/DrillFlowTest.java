package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.drill.DrillEnvironment;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ui.breakers.BreakerRow;
import org.incidentconsole.ui.health.HealthRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

/** The operator's loop on the drill, by mouse: open the runbook, run the rollback, tick, export. */
@ExtendWith(ApplicationExtension.class)
class DrillFlowTest {
    @TempDir
    Path dir;
    DrillEnvironment drill;
    ConsoleServices services;

    @Start
    void start(Stage stage) throws Exception {
        drill = DrillEnvironment.start(true);
        services = ConsoleServices.forDrill(new AppHome(dir), drill);
        ConsoleApplication.showWindow(stage, services, drill.inventory(), true);
    }

    @AfterEach
    void tearDown() {
        services.close();
        drill.close();
    }

    @Test
    void walking_the_emergency_rollback_heals_the_drill_and_the_report_holds_the_whole_timeline(FxRobot robot)
            throws Exception {
        waitFor(30, () -> textNow(robot, "#state-drill-web-01").equals("connected"));
        clickWhenVisible(robot, "#open-runbook");
        ListView<Step> steps = robot.lookup("#step-list").queryListView();
        waitFor(60, () -> steps.getItems().size() == 10);

        for (int i = 0; i < 7; i++) {
            Step step = steps.getItems().get(i);
            int index = i;
            robot.interact(() -> steps.getSelectionModel().select(index));
            try {
                waitFor(30, () -> textNow(robot, "#step-heading").startsWith(step.pathText()));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("step " + i + ": heading '" + textNow(robot, "#step-heading") + "', message '"
                        + textNow(robot, "#step-message") + "', selected " + steps.getSelectionModel().getSelectedIndex());
            }
            clickWhenVisible(robot, "#run-step");
            if (!step.dangers().isEmpty()) {
                clickWhenVisible(robot, "#danger-confirmation");
                robot.write("drill");
                clickWhenVisible(robot, "OK");
            }
            waitFor(120, () -> textNow(robot, "#step-message").startsWith(step.title() + ": drill-web-01 "));
            assertThat(textNow(robot, "#step-message")).as(step.title()).contains("drill-web-01 OK");
        }

        Step confirm = steps.getItems().get(7);
        robot.interact(() -> steps.getSelectionModel().select(7));
        waitFor(30, () -> textNow(robot, "#step-heading").startsWith(confirm.pathText()));
        clickWhenVisible(robot, "#check-" + confirm.checklist().get(0).line());
        clickWhenVisible(robot, "#check-" + confirm.checklist().get(1).line());

        TableView<HealthRow> health = robot.lookup("#health-table").queryTableView();
        waitFor(60, () -> health.getItems().stream().filter(r -> r.check().equals("api-health"))
                .anyMatch(r -> r.statusProperty().get() == HealthStatus.OK));
        TableView<BreakerRow> breakers = robot.lookup("#breaker-table").queryTableView();
        waitFor(60, () -> !breakers.getItems().isEmpty()
                && breakers.getItems().stream().allMatch(r -> r.state() == BreakerState.CLOSED));

        clickWhenVisible(robot, "#export-report");
        waitFor(30, () -> textNow(robot, "#exported-path").startsWith("Report written to "));
        Path report = Path.of(textNow(robot, "#exported-path").substring("Report written to ".length()));
        String md = Files.readString(report);
        assertThat(md).contains("Step 2: Switch to the stable release", "Step 7: Watch it hold",
                "Dangerous command confirmed by", "(typed `drill`)", "Rollback complete",
                "- [x] " + confirm.checklist().get(0).text(), "- [x] " + confirm.checklist().get(1).text(),
                "- [ ] " + confirm.checklist().get(2).text());
        assertThat(md).containsPattern("\\| Rolled back to \\| [0-9a-f]{7} \\|");
    }
}
