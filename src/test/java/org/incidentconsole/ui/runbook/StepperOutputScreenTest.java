package org.incidentconsole.ui.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * The output as an operator reads it, in the real stepper over a real SSH server: each step its own output and run
 * history, follow showing the newest line and pausing on scroll-up, Ctrl+F, timestamps, wrap, detach.
 */
@ExtendWith(ApplicationExtension.class)
class StepperOutputScreenTest {
    @TempDir
    Path dir;
    WalkScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        screen = OutputScreen.open(stage, dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        screen.close();
    }

    private void select(FxRobot robot, String title) throws Exception {
        ListView<Step> list = robot.lookup("#step-list").queryListView();
        waitFor(30, () -> !list.getItems().isEmpty());
        int i = screen.index(title);
        robot.interact(() -> list.getSelectionModel().select(i));
        waitFor(10, () -> screen.model.selectedProperty().get() == list.getItems().get(i));
    }

    private void run(FxRobot robot, String title) throws Exception {
        select(robot, title);
        clickWhenVisible(robot, "#run-step");
        waitFor(60, () -> textNow(robot, "#step-message").startsWith(
                screen.model.selectedProperty().get().title() + ": web-01 OK"));
    }

    private static ListView<String> output(FxRobot robot) {
        return robot.lookup("#step-output").queryListView();
    }

    /** The index of the last line in view of {@code list}, read on the FX thread. */
    private static int lastVisible(FxRobot robot, ListView<String> list) {
        AtomicReference<Integer> index = new AtomicReference<>(-1);
        robot.interact(() -> {
            if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getLastVisibleCell() != null) {
                IndexedCell<?> last = flow.getLastVisibleCell();
                boolean whole = last.getLayoutY() + last.getHeight() <= flow.getHeight() + 1;
                index.set(whole ? last.getIndex() : last.getIndex() - 1);
            }
        });
        return index.get();
    }

    private static List<ListCell<?>> cells(FxRobot robot, ListView<String> list) {
        return robot.from(list).lookup(".output-line").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() != null).<ListCell<?>>map(c -> c).toList();
    }

    @Test
    void selecting_an_earlier_step_shows_its_own_output(FxRobot robot) throws Exception {
        run(robot, "Count");
        run(robot, "Say");
        waitFor(10, () -> output(robot).getItems().equals(List.of("web-01 | said first")));

        select(robot, "Count");

        waitFor(10, () -> output(robot).getItems().size() == 200);
        assertThat(output(robot).getItems()).startsWith("web-01 | 1", "web-01 | 2").endsWith("web-01 | 200")
                .doesNotContain("web-01 | said first");
        assertThat(robot.lookup("#output-web-01").queryListView().getItems()).hasSize(200).endsWith("200");
    }

    @Test
    void each_run_of_a_step_is_kept_and_the_run_chooser_shows_an_earlier_one(FxRobot robot) throws Exception {
        run(robot, "Say");
        TextField word = robot.lookup("#var-word").queryAs(TextField.class);
        robot.interact(() -> word.setText("second"));
        run(robot, "Say");
        waitFor(10, () -> output(robot).getItems().equals(List.of("web-01 | said second")));

        @SuppressWarnings("unchecked")
        ChoiceBox<Object> runs = robot.lookup("#run-history").queryAs(ChoiceBox.class);
        assertThat(runs.isDisabled()).isFalse();
        assertThat(runs.getItems()).hasSize(2);
        assertThat(runs.getValue().toString()).startsWith("Run 2 · ");
        robot.interact(() -> runs.setValue(runs.getItems().get(0)));

        waitFor(10, () -> output(robot).getItems().equals(List.of("web-01 | said first")));
        select(robot, "Count");
        assertThat(runs.isDisabled()).as("a step never run has no history to choose from").isTrue();
        assertThat(robot.lookup("#step-output").tryQuery()).as("and no output").isEmpty();
    }

    @Test
    void follow_shows_the_newest_line_pauses_on_scroll_up_and_resumes_at_the_end(FxRobot robot) throws Exception {
        run(robot, "Count");
        ListView<String> list = output(robot);
        try {
            waitFor(10, () -> lastVisible(robot, list) == 199);
        } catch (TimeoutException e) {
            throw new AssertionError("the last line wholly in view is " + lastVisible(robot, list) + " of "
                    + list.getItems().size() + ", not the newest");
        }
        assertThat(list.getItems().get(lastVisible(robot, list))).isEqualTo("web-01 | 200");

        select(robot, "Watch");
        clickWhenVisible(robot, "#run-step");
        waitFor(30, () -> output(robot).getItems().contains("web-01 | worker started"));
        ListView<String> watch = output(robot);
        append(60, "request");
        waitFor(30, () -> watch.getItems().size() == 61);
        waitFor(10, () -> lastVisible(robot, watch) == 60);

        // TestFX's DOWN sends the wheel's "away from the user" (deltaY +1 px per notch): the text moves down, the
        // operator reads earlier lines
        robot.moveTo(watch).scroll(60, VerticalDirection.DOWN);
        waitFor(10, () -> !screen.model.outputs().followProperty().get());
        assertThat(robot.lookup("#follow-output").queryAs(CheckBox.class).isSelected()).isFalse();
        int reading = lastVisible(robot, watch);
        append(10, "later");
        waitFor(30, () -> watch.getItems().size() == 71);
        assertThat(lastVisible(robot, watch)).as("the view stays where the operator reads").isEqualTo(reading);

        robot.moveTo(watch).scroll(400, VerticalDirection.UP); // back to the end
        waitFor(10, () -> screen.model.outputs().followProperty().get());
        append(5, "resumed");
        waitFor(30, () -> watch.getItems().size() == 76);
        waitFor(10, () -> lastVisible(robot, watch) == 75);
        robot.interact(() -> screen.model.endWatch(true));
    }

    private void append(int lines, String word) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            text.append(word).append(' ').append(i).append('\n');
        }
        Files.writeString(screen.log, text, StandardOpenOption.APPEND);
    }

    @Test
    void ctrl_f_finds_a_line_and_enter_goes_to_the_next_match(FxRobot robot) throws Exception {
        run(robot, "Count");
        ListView<String> list = output(robot);
        robot.clickOn(list);

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitFor(10, () -> robot.lookup("#output-search").queryAs(TextField.class).isFocused());
        robot.write("| 1");

        waitFor(10, () -> textNow(robot, "#output-search-count").equals("1 of 111"));
        robot.type(KeyCode.ENTER).type(KeyCode.ENTER);
        waitFor(10, () -> textNow(robot, "#output-search-count").equals("3 of 111"));
        assertThat(screen.model.outputs().search().currentLine()).as("web-01 | 11 is the third match").isEqualTo(10);
        waitFor(10, () -> cells(robot, list).stream().anyMatch(c -> "web-01 | 11".equals(c.getItem())
                && c.getStyleClass().contains("output-match-current")));
        assertThat(cells(robot, list)).filteredOn(c -> "web-01 | 12".equals(c.getItem())).singleElement()
                .satisfies(c -> assertThat(c.getStyleClass()).contains("output-match"));
        assertThat(screen.model.outputs().followProperty().get()).as("a match stays in view").isFalse();
    }

    @Test
    void timestamps_show_on_demand_and_lines_are_single_spaced(FxRobot robot) throws Exception {
        run(robot, "Count");
        ListView<String> list = output(robot);
        waitFor(10, () -> !cells(robot, list).isEmpty());
        assertThat(cells(robot, list)).allSatisfy(c -> {
            assertThat(c.getText()).startsWith("web-01 | ");
            assertThat(c.getHeight()).as("one line of 12 px text, no padding around it").isLessThan(20);
        });

        clickWhenVisible(robot, "#output-timestamps");

        waitFor(10, () -> cells(robot, list).stream().allMatch(c -> c.getText().matches(
                "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  web-01 \\| \\d+")));
        clickWhenVisible(robot, "#output-timestamps");
        waitFor(10, () -> cells(robot, list).stream().allMatch(c -> c.getText().startsWith("web-01 | ")));
    }

    @Test
    void long_lines_wrap_on_demand(FxRobot robot) throws Exception {
        run(robot, "Count");
        ListView<String> list = output(robot);
        waitFor(10, () -> !cells(robot, list).isEmpty());
        assertThat(cells(robot, list)).allSatisfy(c -> assertThat(c.isWrapText()).isFalse());

        clickWhenVisible(robot, "#output-wrap");

        waitFor(10, () -> cells(robot, list).stream().allMatch(c -> c.isWrapText()
                && c.getPrefWidth() <= list.getWidth()));
    }

    @Test
    void the_output_detaches_into_its_own_window_and_comes_back(FxRobot robot) throws Exception {
        run(robot, "Count");
        Window main = robot.lookup("#step-list").query().getScene().getWindow();

        clickWhenVisible(robot, "#output-detach");

        waitFor(10, () -> outputWindow(robot) != null);
        assertThat(outputWindow(robot)).isNotSameAs(main);
        assertThat(robot.lookup("#output-attach").query().getScene().getWindow()).isSameAs(main);
        assertThat(output(robot).getItems()).as("the same output, moved").hasSize(200);
        run(robot, "Say");
        waitFor(10, () -> output(robot).getItems().equals(List.of("web-01 | said first")));

        Node attach = robot.lookup("#output-attach").query(); // the main window lies under the output's
        robot.interact(() -> ((Button) attach).fire());

        waitFor(10, () -> outputWindow(robot) == main);
        assertThat(robot.lookup("#output-attach").tryQuery()).isEmpty();

        clickWhenVisible(robot, "#output-detach");
        waitFor(10, () -> outputWindow(robot) != main);
        Window own = outputWindow(robot);
        robot.interact(own::hide); // closing the window brings the output back
        waitFor(10, () -> outputWindow(robot) == main);
    }

    private static Window outputWindow(FxRobot robot) {
        return robot.lookup("#output-tabs").tryQuery().map(Node::getScene).map(s -> s.getWindow()).orElse(null);
    }
}
