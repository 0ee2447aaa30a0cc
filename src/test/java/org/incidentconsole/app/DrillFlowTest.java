package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.runbook.Step;
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

/**
 * The operator's whole loop on the drill, by mouse and keyboard: start an incident, connect, reset a breaker
 * through its confirmation, run the rollback (Ctrl+Enter), tick, note, export (Ctrl+E), then read the report.
 */
@ExtendWith(ApplicationExtension.class)
class DrillFlowTest {
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
    void the_whole_operator_flow_heals_the_drill_and_the_report_holds_it(FxRobot robot) throws Exception {
        // start an incident through the bar's dialog
        clickWhenVisible(robot, "#start-incident");
        // the title is typed first, with no click: the dialog opens with the focus in Title
        waitFor(30, () -> robot.lookup("#incident-title").tryQuery().map(n -> n.isFocused()
                && n.getScene().getWindow().isFocused()).orElse(false));
        robot.targetWindow(robot.lookup("#incident-title").query().getScene().getWindow());
        robot.write("Checkout API answers 500 after the deploy");
        waitFor(10, () -> textNow(robot, "#incident-title").equals("Checkout API answers 500 after the deploy"));
        robot.doubleClickOn("#incident-operator").press(KeyCode.CONTROL, KeyCode.A)
                .release(KeyCode.A, KeyCode.CONTROL);
        robot.write("jana");
        clickWhenVisible(robot, "#incident-trigger");
        robot.write("health check alert");
        clickWhenVisible(robot, "#incident-severity");
        clickWhenVisible(robot, "P1 · major");
        clickWhenVisible(robot, "Start incident");
        waitFor(30, () -> textNow(robot, "#incident-title-label").startsWith("Checkout API answers 500"));
        assertThat(textNow(robot, "#severity-chip")).isEqualTo("P1 · major");
        waitFor(10, () -> textNow(robot, "#incident-operator-label").equals("operator jana"));
        waitFor(10, () -> textNow(robot, "#incident-elapsed").startsWith("elapsed 0:0"));

        // connect: the drill connects by itself; disconnect and connect again by hand
        waitFor(30, () -> textNow(robot, "#state-drill-web-01").equals("connected"));
        clickWhenVisible(robot, "#disconnect-drill-web-01");
        waitFor(30, () -> textNow(robot, "#state-drill-web-01").equals("not connected"));
        clickWhenVisible(robot, "#connect-drill-web-01");
        waitFor(30, () -> textNow(robot, "#state-drill-web-01").equals("connected"));

        // reset the stuck breaker through its confirmation, which shows before → after
        TableView<BreakerRow> breakers = robot.lookup("#breaker-table").queryTableView();
        waitFor(60, () -> breakers.getItems().stream().anyMatch(r -> r.service().equals("calcom") && r.stuck()));
        // the table is read again every few seconds: a click can land on a row just replaced, so click until the
        // reset is enabled for it, then until its confirmation shows
        KeyboardScreenTest.clickUntil(robot, "calcom",
                () -> !robot.lookup("#breaker-reset").queryButton().isDisabled());
        KeyboardScreenTest.clickUntil(robot, "#breaker-reset",
                () -> robot.lookup("#breaker-preview").tryQuery().isPresent());
        waitFor(10, () -> textNow(robot, "#breaker-preview").startsWith("calcom: open · STUCK"));
        assertThat(textNow(robot, "#breaker-preview")).contains("→  closed, failures deleted");
        clickWhenVisible(robot, "Reset calcom");
        waitFor(30, () -> textNow(robot, "#breaker-action-result").startsWith("Reset calcom: "));
        assertThat(textNow(robot, "#breaker-action-result")).contains("keys changed").doesNotContain("FAILED")
                .doesNotContain("refused");
        waitFor(30, () -> breakers.getItems().stream().anyMatch(r -> r.service().equals("calcom")
                && r.state() == BreakerState.CLOSED));

        // run the rollback runbook's steps 1–7
        clickWhenVisible(robot, "#open-runbook");
        ListView<Step> steps = robot.lookup("#step-list").queryListView();
        waitFor(60, () -> steps.getItems().stream().anyMatch(s -> s.title().startsWith("Prepare the post-mortem")));
        int first = DrillOnScreen.indexOf(steps.getItems(), "Step 1");
        for (int i = first; i < first + 7; i++) {
            Step step = steps.getItems().get(i);
            int index = i;
            robot.interact(() -> steps.getSelectionModel().select(index));
            waitFor(30, () -> textNow(robot, "#step-heading").startsWith(step.pathText()));
            if (i == first) {
                clickWhenVisible(robot, "#run-step");
            } else {
                robot.press(KeyCode.CONTROL, KeyCode.ENTER)
                        .release(KeyCode.ENTER, KeyCode.CONTROL);
            }
            if (!step.dangers().isEmpty()) {
                clickWhenVisible(robot, "#danger-confirmation");
                robot.write("drill");
                clickWhenVisible(robot, "OK");
            }
            waitFor(120, () -> textNow(robot, "#step-message").startsWith(step.title() + ": drill-web-01 "));
            assertThat(textNow(robot, "#step-message")).as(step.title()).contains("drill-web-01 OK");
        }
        ListView<String> hostOutput = robot.lookup("#output-drill-web-01").queryListView();
        assertThat(hostOutput.getItems()).isNotEmpty();
        assertThat(robot.lookup("#output-tabs").queryAs(TabPane.class).getTabs())
                .extracting(Tab::getText).contains("drill-web-01 · OK · exit 0");

        // tick two checklist items of the confirmation step
        int confirmAt = DrillOnScreen.indexOf(steps.getItems(), "Confirm recovery");
        Step confirm = steps.getItems().get(confirmAt);
        robot.interact(() -> steps.getSelectionModel().select(confirmAt));
        waitFor(30, () -> textNow(robot, "#step-heading").startsWith(confirm.pathText()));
        robot.moveTo("#step-heading").scroll(15, VerticalDirection.DOWN);
        clickWhenVisible(robot, "#check-" + confirm.checklist().get(0).line());
        waitFor(10, () -> textNow(robot, "#check-" + confirm.checklist().get(0).line()).contains("✓ "));
        // the second by keyboard: Tab to the next item, Space ticks it
        robot.type(KeyCode.TAB).type(KeyCode.SPACE);
        try {
            waitFor(10, () -> textNow(robot, "#check-" + confirm.checklist().get(1).line()).contains("✓ "));
        } catch (TimeoutException e) {
            throw new AssertionError("ticks: '" + textNow(robot, "#check-" + confirm.checklist().get(0).line()) + "' / '"
                    + textNow(robot, "#check-" + confirm.checklist().get(1).line()) + "' selected "
                    + robot.lookup("#check-" + confirm.checklist().get(1).line()).queryAs(
                    CheckBox.class).isSelected());
        }

        // a note for the timeline
        clickWhenVisible(robot, "#note-field");
        robot.write("Customers confirm checkout works again");
        robot.type(KeyCode.ENTER);
        waitFor(10, () -> textNow(robot, "#note-field").isEmpty());

        TableView<HealthRow> health = robot.lookup("#health-table").queryTableView();
        waitFor(60, () -> health.getItems().stream().filter(r -> r.check().equals("api-health"))
                .anyMatch(r -> r.statusProperty().get() == HealthStatus.OK));
        waitFor(60, () -> !breakers.getItems().isEmpty()
                && breakers.getItems().stream().allMatch(r -> r.state() == BreakerState.CLOSED));

        // resolve once api-health is OK again
        clickWhenVisible(robot, "#resolve");
        clickWhenVisible(robot, "#resolve-summary");
        robot.write("Rolled back to the stable release; breakers closed");
        clickWhenVisible(robot, "OK");
        waitFor(30, () -> textNow(robot, "#status-chip").equals("resolved"));

        // export with Ctrl+E: the preview shows the report, which is also on disk
        robot.press(KeyCode.CONTROL, KeyCode.E)
                .release(KeyCode.E, KeyCode.CONTROL);
        waitFor(30, () -> !textNow(robot, "#report-text").isEmpty());
        String preview = textNow(robot, "#report-text");
        waitFor(10, () -> textNow(robot, "#incident-message").startsWith("Report written to "));
        Path report = Path.of(textNow(robot, "#incident-message").substring("Report written to ".length()));
        String md = Files.readString(report);
        assertThat(preview).isEqualTo(md);
        assertThat(md).contains("Checkout API answers 500 after the deploy", "health check alert", "P1",
                "Step 2: Switch to the stable release", "Step 7: Watch it hold",
                "Dangerous command confirmed by", "(typed `drill`)", "Rollback complete",
                "Breaker reset calcom `circuit_breaker:calcom:state`: open → closed",
                "Customers confirm checkout works again",
                "- [x] " + confirm.checklist().get(0).text(), "- [x] " + confirm.checklist().get(1).text(),
                "- [ ] " + confirm.checklist().get(2).text());
        assertThat(md).containsPattern("\\| Rolled back to \\| [0-9a-f]{7} \\|");
        assertSignedJanaAndRecoveredBeforeResolved(md);
    }

    /** The record of a window walk as an incident commander reads it: who did it, when it healed, what closed. */
    private static void assertSignedJanaAndRecoveredBeforeResolved(String md) {
        assertThat(md).startsWith("# Postmortem: Checkout API answers 500 after the deploy");
        assertThat(md).containsPattern("\\| Executed by \\| jana \\|")
                .containsPattern("\\| Operator \\| jana \\|").doesNotContainPattern("(?i)by root\\b");
        assertThat(md).as("the runbook walked is named").contains("emergency-rollback.md")
                .doesNotContain("runbook none");
        assertThat(md).as("no arrow with nothing after it").doesNotContainPattern("→ *(\\||\\n|$)");
        assertThat(md).as("a breaker the rollback closed, as the monitor saw it").containsPattern(
                "Breaker (?!calcom)[a-z-]+: (open|half open) → closed");
        assertThat(md).containsPattern("api-health[^\\n]*CRITICAL → OK");
        Matcher recover = Pattern.compile(
                "- Time to recover: ([^(\\n]+) \\(from the incident's start to health OK after the rollback\\)")
                .matcher(md);
        assertThat(recover.find()).as("time to recover from api-health CRITICAL→OK:\n" + md).isTrue();
        Matcher resolve = Pattern.compile("\\| Duration \\| ([^|]+) \\|").matcher(md);
        assertThat(resolve.find()).as("the duration to Resolve:\n" + md).isTrue();
        long recovered = seconds(recover.group(1));
        long resolved = seconds(resolve.group(1));
        assertThat(recovered).as("recovered before it was resolved").isLessThan(resolved);
    }

    /** "2 min 5 s", "45 s", "1 h 3 min" → seconds. */
    private static long seconds(String text) {
        Matcher m = Pattern.compile("(\\d+) (h|min|s)\\b").matcher(text);
        long total = 0;
        boolean any = false;
        while (m.find()) {
            any = true;
            total += Long.parseLong(m.group(1)) * switch (m.group(2)) {
                case "h" -> 3600;
                case "min" -> 60;
                default -> 1;
            };
        }
        assertThat(any).as("a duration: " + text).isTrue();
        return total;
    }
}
