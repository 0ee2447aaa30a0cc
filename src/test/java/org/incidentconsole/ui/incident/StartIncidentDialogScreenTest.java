package org.incidentconsole.ui.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.ui.common.DialogSizes;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The start/resume dialog with one or many unfinished incidents, long titles included: every row up to six is in
 * view, no sideways scroll bar lies over a row, and the list ends above the dialog's buttons.
 */
@ExtendWith(ApplicationExtension.class)
class StartIncidentDialogScreenTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        FxScreen.forgetEarlierTestsExceptions();
        DialogSizes.install();
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 1280, 800));
        stage.show();
    }

    private static IncidentStore.Candidate candidate(int i) {
        String title = i % 2 == 0 ? "Checkout API returns 500 after deploy " + i
                : "A very long incident title that goes on and on about the payment provider and its retries " + i;
        return new IncidentStore.Candidate(new IncidentStore.Summary("INC-20261124-10000" + i + "-abcd",
                Path.of("x"), title, Severity.P1, Instant.parse("2026-11-24T10:00:00Z"), null, 3, false, null, null),
                null);
    }

    @ParameterizedTest(name = "{0} unfinished")
    @CsvSource({"1, 1", "2, 2", "9, 6"})
    void the_resume_list_shows_its_rows_above_the_buttons(int count, int visibleRows, FxRobot robot) throws Exception {
        List<IncidentStore.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            candidates.add(candidate(i));
        }
        Platform.runLater(() -> StartIncidentDialog.ask(owner, "drill", Severity.P2, "jana", candidates));
        waitFor(20, () -> robot.lookup("#unfinished-incidents").tryQuery().isPresent());
        ListView<?> list = robot.lookup("#unfinished-incidents").queryListView();
        Node buttons = robot.lookup(".button-bar").query();
        waitFor(20, () -> list.getScene().getWindow().getHeight() >= list.getScene().getRoot().prefHeight(-1) - 1);
        Bounds l = list.localToScene(list.getLayoutBounds());
        Bounds b = buttons.localToScene(buttons.getLayoutBounds());
        assertThat(l.getMaxY()).as("the list ends above the buttons").isLessThanOrEqualTo(b.getMinY());
        assertThat(l.getHeight()).as("rows in view").isGreaterThanOrEqualTo(visibleRows * StartIncidentDialog.ROW);
        Set<Node> bars = list.lookupAll(".scroll-bar");
        assertThat(bars).noneMatch(n -> n instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL
                && s.isVisible());
        assertThat(list.getScene().getWindow().getHeight()).as("the dialog is as tall as its content")
                .isGreaterThanOrEqualTo(list.getScene().getRoot().prefHeight(-1) - 1);
        Platform.runLater(() -> ((Stage) list.getScene().getWindow()).close());
        waitFor(20, () -> robot.lookup("#unfinished-incidents").tryQuery().isEmpty());
    }
}
