package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.PanelJournal;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.testing.FxScreen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * On the drill: with its only host disconnected, Run is off and says why; the drop and the reconnection are
 * journaled, and so is a comms message copied from the bar's Comms window.
 */
@ExtendWith(ApplicationExtension.class)
class StepperRunBlockedScreenTest {
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

    private List<IncidentEvent> journal() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            Path file = s.filter(p -> p.getFileName().toString().equals("journal.jsonl")).findFirst().orElseThrow();
            return JournalReader.read(file).records().stream().map(JournalRecord::data).toList();
        }
    }

    private List<String> connectionChanges() throws Exception {
        return journal().stream().filter(e -> e instanceof IncidentEvent.ConnectionChanged)
                .map(e -> ((IncidentEvent.ConnectionChanged) e).host() + " "
                        + ((IncidentEvent.ConnectionChanged) e).change()).toList();
    }

    @Test
    void run_is_off_with_the_reason_while_no_target_is_connected_and_the_drop_is_journaled(FxRobot robot)
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
        robot.interact(() -> steps.getSelectionModel().select(step2));
        Button run = robot.lookup("#run-step").queryButton();
        Label why = robot.lookup("#run-blocked").queryAs(Label.class);
        waitFor(30, () -> !run.isDisabled());
        assertThat(why.isVisible()).isFalse();

        clickWhenVisible(robot, "#disconnect-drill-web-01");
        waitFor(30, () -> run.isDisabled() && why.isVisible());
        assertThat(why.getText())
                .isEqualTo("Run is off: none of the hosts to run on is connected (drill-web-01); connect one first.");

        clickWhenVisible(robot, "#connect-drill-web-01");
        waitFor(30, () -> !run.isDisabled() && !why.isVisible());

        clickWhenVisible(robot, "#comms");
        waitFor(30, () -> textNow(robot, "#comms-subject").startsWith("[P") && !textNow(robot, "#comms-text").isBlank());
        clickWhenVisible(robot, "#comms-copy");
        waitFor(30, () -> journal().stream().anyMatch(e -> e instanceof IncidentEvent.CommsCopied));
        // the return came within the debounce's dwell of the drop: it is journaled once the dwell has passed
        try {
            waitFor(30 + PanelJournal.DWELL.toSeconds(),
                    () -> connectionChanges().size() >= 3);
        } catch (TimeoutException e) {
            throw new AssertionError("the drop and the return were not both journaled; connection events: "
                    + connectionChanges() + "; every event: " + journal().stream()
                    .map(ev -> ev.getClass().getSimpleName()).toList(), e);
        }
        assertThat(connectionChanges()).as("the window's incident was started after the first connection: it"
                + " hears it first, then the drop and the return").containsExactly("drill-web-01 connected",
                "drill-web-01 lost", "drill-web-01 regained");
        IncidentEvent.CommsCopied copied = journal().stream().filter(e -> e instanceof IncidentEvent.CommsCopied)
                .map(e -> (IncidentEvent.CommsCopied) e).findFirst().orElseThrow();
        assertThat(copied.template()).isEqualTo("initial");
        assertThat(copied.text()).isNotBlank();
        assertThat(copied.by()).isEqualTo(journal().stream().filter(e -> e instanceof IncidentEvent.Started)
                .map(e -> ((IncidentEvent.Started) e).operator()).findFirst().orElseThrow());
    }
}
