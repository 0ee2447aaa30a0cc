package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.runbook.Alternative;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.ui.health.HealthRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The seed-shaped Laravel rollback card walked in the real window on the drill, as an operator would: Step 2 the
 * tagged release (by keyboard), Step 4 option B (by mouse), dangers confirmed by typing the environment, the watch of Step 7 ended with
 * Stable. The drill heals, and option A's FLUSHDB is journaled as skipped, never run.
 */
@ExtendWith(ApplicationExtension.class)
class DrillSeedShapedWindowTest {
    private static final String FIXTURE = "/drill/laravel-emergency-rollback.md";

    @TempDir
    Path dir;
    DrillOnScreen window;
    String runbooksBefore;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        try (InputStream in = DrillSeedShapedWindowTest.class.getResourceAsStream(FIXTURE)) {
            Files.copy(in, runbooks.resolve("laravel-emergency-rollback.md"));
        }
        runbooksBefore = System.getProperty(ShippedRunbooks.PROPERTY);
        System.setProperty(ShippedRunbooks.PROPERTY, runbooks.toString());
        window = DrillOnScreen.open(stage, dir.resolve("home"), true);
    }

    @AfterEach
    void tearDown() {
        window.close();
        if (runbooksBefore == null) {
            System.clearProperty(ShippedRunbooks.PROPERTY);
        } else {
            System.setProperty(ShippedRunbooks.PROPERTY, runbooksBefore);
        }
    }

    private List<IncidentEvent> journal() throws Exception {
        try (Stream<Path> s = Files.walk(dir.resolve("home"))) {
            Path file = s.filter(p -> p.getFileName().toString().equals("journal.jsonl")).findFirst().orElseThrow();
            return JournalReader.read(file).records().stream().map(JournalRecord::data).toList();
        }
    }

    /** The button id of the alternative whose label contains {@code label} (ignoring case). */
    private static String alternative(Step choice, String label) {
        List<Alternative> choices = choice.choices();
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).label().toLowerCase().contains(label.toLowerCase())) {
                return "#alternative-" + (i + 1);
            }
        }
        throw new AssertionError("no alternative '" + label + "' in " + choice.title() + ": " + choices);
    }

    private static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n.isVisible() && n.getScene() != null
                && n.getScene().getWindow().isShowing()).orElse(false);
    }

    /** Scrolls the detail pane holding {@code node} so that its top shows. */
    private static void scrollIntoView(Node node) {
        Node at = node.getParent();
        while (at != null && !(at instanceof ScrollPane)) {
            at = at.getParent();
        }
        if (at instanceof ScrollPane pane) {
            double contentHeight = pane.getContent().getBoundsInLocal().getHeight();
            double viewport = pane.getViewportBounds().getHeight();
            double y = pane.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            pane.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, y / (contentHeight - viewport)));
        }
    }

    /** Runs the selected step; each danger is confirmed by typing the environment; ends with its outcome line. */
    private static void runConfirmingDangers(FxRobot robot, Step step, boolean watch) throws Exception {
        clickWhenVisible(robot, "#run-step");
        String done = step.title() + ": drill-web-01 ";
        boolean[] watching = {watch};
        while (true) {
            waitFor(120, () -> showing(robot, "#danger-confirmation")
                    || (watching[0] && showing(robot, "#watch-stable"))
                    || textNow(robot, "#step-message").startsWith(done));
            if (showing(robot, "#danger-confirmation")) {
                clickWhenVisible(robot, "#danger-confirmation");
                robot.write("drill");
                clickWhenVisible(robot, "OK");
                waitFor(30, () -> !showing(robot, "#danger-confirmation"));
            } else if (watching[0] && showing(robot, "#watch-stable")) {
                clickWhenVisible(robot, "#watch-stable");
                watching[0] = false;
            } else {
                return;
            }
        }
    }

    @Test
    void the_emergency_procedure_walked_with_the_tag_option_b_and_a_stable_watch_heals_the_drill_and_never_flushes(
            FxRobot robot) throws Exception {
        clickWhenVisible(robot, "#start-incident");
        waitFor(30, () -> robot.lookup("#incident-title").tryQuery().map(n -> n.isFocused()
                && n.getScene().getWindow().isFocused()).orElse(false));
        robot.targetWindow(robot.lookup("#incident-title").query().getScene().getWindow());
        robot.write("Booking API answers 500 after the deploy");
        clickWhenVisible(robot, "#incident-trigger");
        robot.write("health check alert");
        clickWhenVisible(robot, "Start incident");
        waitFor(30, () -> textNow(robot, "#incident-title-label").startsWith("Booking API answers 500"));
        waitFor(30, () -> textNow(robot, "#state-drill-web-01").equals("connected"));

        clickWhenVisible(robot, "#open-runbook");
        ListView<Step> steps = robot.lookup("#step-list").queryListView();
        waitFor(60, () -> steps.getItems().stream().anyMatch(s -> s.title().startsWith("Step 7")));
        for (int n = 1; n <= 7; n++) {
            int index = DrillOnScreen.indexOf(steps.getItems(), "Step " + n + ":");
            Step step = steps.getItems().get(index);
            robot.interact(() -> steps.getSelectionModel().select(index));
            waitFor(30, () -> textNow(robot, "#step-heading").startsWith(step.pathText()));
            String pick = n == 2 ? alternative(step, "tagged") : n == 4 ? alternative(step, "OPTION B") : null;
            if (pick != null) {
                long before = journal().stream().filter(IncidentEvent.AlternativeChosen.class::isInstance).count();
                if (n == 2) { // by keyboard (the stepper's 1–9): the focus in the step list, the number typed
                    robot.interact(steps::requestFocus);
                    robot.type(KeyCode.valueOf("DIGIT" + pick.substring(pick.lastIndexOf('-') + 1)));
                } else { // by mouse, the detail pane scrolled to the button first
                    robot.interact(() -> scrollIntoView(robot.lookup(pick).query()));
                    clickWhenVisible(robot, pick);
                }
                try {
                    waitFor(30, () -> journal().stream().filter(IncidentEvent.AlternativeChosen.class::isInstance)
                            .count() > before && textNow(robot, pick).endsWith("✓"));
                } catch (TimeoutException e) {
                    throw new AssertionError("choosing " + pick + " of " + step.title() + ": button '"
                            + textNow(robot, pick) + "', message '" + textNow(robot, "#step-message") + "'", e);
                }
            }
            runConfirmingDangers(robot, step, n == 7);
            assertThat(textNow(robot, "#step-message")).as(step.title()).contains("drill-web-01 OK");
        }

        TableView<HealthRow> health = robot.lookup("#health-table").queryTableView();
        waitFor(90, () -> health.getItems().stream().filter(r -> r.check().equals("api-health"))
                .anyMatch(r -> r.statusProperty().get() == HealthStatus.OK));
        List<IncidentEvent> journal = journal();
        List<IncidentEvent.AlternativeChosen> chosen = journal.stream()
                .filter(IncidentEvent.AlternativeChosen.class::isInstance).map(IncidentEvent.AlternativeChosen.class::cast)
                .toList();
        assertThat(chosen).hasSize(2);
        assertThat(chosen.get(0).step()).contains("Step 2");
        assertThat(chosen.get(0).chosen()).containsIgnoringCase("tagged");
        assertThat(chosen.get(0).skipped()).isNotEmpty().noneMatch(l -> l.toLowerCase().contains("tagged"));
        assertThat(chosen.get(1).step()).contains("Step 4");
        assertThat(chosen.get(1).chosen()).contains("OPTION B");
        assertThat(chosen.get(1).skipped()).anyMatch(l -> l.contains("OPTION A"));
        assertThat(chosen).allSatisfy(c -> assertThat(c.by()).isNotBlank());
        assertThat(journal).filteredOn(IncidentEvent.StepStarted.class::isInstance)
                .map(e -> ((IncidentEvent.StepStarted) e).command()).isNotEmpty()
                .noneMatch(c -> c.contains("FLUSHDB"));
        assertThat(journal).filteredOn(IncidentEvent.WatchEnded.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((IncidentEvent.WatchEnded) e).stable()).isTrue());
    }
}
