package org.incidentconsole.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.incidentconsole.app.AppHome;
import org.incidentconsole.app.ConsoleApplication;
import org.incidentconsole.app.ConsoleServices;
import org.incidentconsole.app.MainWindowWiring;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.StepOutcome;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.ui.common.FxHostKeyPrompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The timeline pane in the real window over a real journal: unfolded from its title row, a note typed in the note
 * field shows as a line at once, the text filter and the kind menu narrow the lines, and clicking a finished step
 * opens its command and journaled output (secrets redacted).
 */
@ExtendWith(ApplicationExtension.class)
class TimelineWindowTest {
    @TempDir
    Path dir;
    ConsoleServices services;
    Path inventory;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        FxScreen.forgetEarlierTestsExceptions();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        inventory = Files.writeString(dir.resolve("inventory.yaml"), """
                environment: production
                defaults: {user: nobody, agent: false}
                hosts:
                  - {name: web-01, address: 127.0.0.1, port: %d}
                """.formatted(closed));
        services = new ConsoleServices(new AppHome(dir.resolve("home")), dir.resolve("user-home"), Map.of(),
                new FxHostKeyPrompt(() -> stage), PassphrasePrompt.NONE, SudoPasswordPrompt.NONE);
        MainWindowWiring.show(stage, services, inventory, false);
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    @Test
    void a_note_shows_at_once_filters_narrow_and_a_finished_step_opens_its_output(FxRobot robot) throws Exception {
        IncidentSession session = services.incidents().start("Checkout errors", "pager", Severity.P1, new IncidentBinding("production", null, null),
                "jane");
        unfold(robot);
        waitFor(30, () -> line(robot, "Incident started by jane: Checkout errors (P1, trigger: pager)") != null);

        // a burst of records (as the first health readings are) must not stop the view following the newest line
        for (int i = 1; i <= 60; i++) {
            session.record(new IncidentEvent.NoteAdded("reading " + i, "jane"));
        }
        waitFor(30, () -> line(robot, "Note by jane: reading 60") != null);
        robot.clickOn("#note-field").write("rolled back web-01 to v41").type(KeyCode.ENTER);
        waitFor(30, () -> line(robot, "Note by jane: rolled back web-01 to v41") != null);

        robot.clickOn("#timeline-search");
        robot.write("V41");
        waitFor(30, () -> textNow(robot, "#timeline-count").matches("1 of \\d+ events"));
        assertThat(lines(robot)).containsExactly("Note by jane: rolled back web-01 to v41");
        robot.doubleClickOn("#timeline-search").eraseText(3);
        waitFor(30, () -> textNow(robot, "#timeline-count").matches("\\d+ events"));

        clickWhenVisible(robot, "#timeline-kinds");
        robot.clickOn(TimelineKind.NOTES.glyph() + "  " + TimelineKind.NOTES.label());
        waitFor(30, () -> line(robot, "Note by jane: rolled back web-01 to v41") == null);
        assertThat(textNow(robot, "#timeline-kinds")).isEqualTo("8 of 9 kinds");
        assertThat(lines(robot)).contains("Incident started by jane: Checkout errors (P1, trigger: pager)");

        session.record(new IncidentEvent.StepFinished("2. Check the release", "web-01", "git log -1 --oneline",
                StepOutcome.OK, 0, 420, null, "a1b2c3d Release v42\nAPI_TOKEN=s3cr3tvalue123456789", null))
                .get(30, TimeUnit.SECONDS);
        String finished = "Step OK on web-01 (exit 0, 420 ms): 2. Check the release";
        waitFor(30, () -> line(robot, finished) != null);
        robot.clickOn(line(robot, finished));
        waitFor(30, () -> !textNow(robot, "#timeline-output").isEmpty());
        assertThat(textNow(robot, "#timeline-output")).contains("a1b2c3d Release v42").doesNotContain("s3cr3t");
        assertThat(textNow(robot, "#timeline-command")).isEqualTo("git log -1 --oneline");
    }

    @Test
    void newest_on_top_and_the_open_pane_are_remembered_with_the_window(FxRobot robot) throws Exception {
        unfold(robot);
        clickWhenVisible(robot, "#timeline-newest-first");
        FxScreen.waitForText(robot, "#timeline-newest-first", "Newest on top");
        robot.interact(stage::close);
        Path prefs = services.home().windowPrefs();
        waitFor(10, () -> Files.exists(prefs));
        Properties saved = new Properties();
        saved.load(new StringReader(Files.readString(prefs)));
        assertThat(saved).containsEntry("choice.timeline.order", "newest-first")
                .containsEntry("choice.timeline.pane", "open");

        CompletableFuture<Stage> again = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage next = new Stage();
            MainWindowWiring.show(next, services, inventory, false);
            again.complete(next);
        });
        Stage next = again.get(30, TimeUnit.SECONDS);
        ToggleButton order = (ToggleButton) next.getScene().lookup("#timeline-newest-first");
        ToggleButton fold = (ToggleButton) next.getScene().lookup("#timeline-fold");
        waitFor(10, order::isSelected);
        assertThat(order.getText()).isEqualTo("Newest on top");
        assertThat(fold.isSelected()).as("left open, opens open").isFalse();
        robot.interact(next::close);
    }

    /** Under a short screen the pane starts folded to its title row: the operator opens it. */
    private static void unfold(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#timeline-list").queryAs(ListView.class);
        ToggleButton fold = robot.lookup("#timeline-fold").queryAs(ToggleButton.class);
        if (fold.isSelected()) {
            clickWhenVisible(robot, "#timeline-fold");
        }
        waitFor(30, () -> !fold.isSelected() && list.getParent().isVisible() && list.getHeight() > 40);
        SplitPane panels = robot.lookup("#side-panels").queryAs(SplitPane.class);
        assertThat(panels.getDividers()).hasSize(2);
    }

    /** The timeline's visible line whose words are {@code what}, or null. */
    private static Label line(FxRobot robot, String what) {
        return robot.lookup("#timeline-list .timeline-what").<Label>queryAll().stream()
                .filter(l -> l.isVisible() && l.getScene() != null && what.equals(l.getText())
                        && l.getParent().getParent() != null && ((ListCell<?>)
                        l.getParent().getParent()).getItem() != null)
                .findFirst().orElse(null);
    }

    private static List<String> lines(FxRobot robot) {
        return robot.lookup("#timeline-list .timeline-cell").<ListCell<TimelineEntry>>queryAll()
                .stream().filter(c -> c.getItem() != null && !c.isEmpty()).map(c -> c.getItem().what()).toList();
    }
}
