package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.incidentconsole.drill.DrillEnvironment;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.testing.TestRedis;
import org.incidentconsole.ui.common.FxSudoPasswordPrompt;
import org.incidentconsole.ui.timeline.TimelineEntry;
import org.incidentconsole.ui.timeline.TimelineKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;

/**
 * #22 two operators, two windows, one drill incident: the first starts it (shared at once), the second joins it
 * from the start/resume dialog; each one's note appears in the other's timeline and both bars say who is there.
 */
@ExtendWith(ApplicationExtension.class)
class SharedIncidentWindowsTest {
    @TempDir
    Path dir;
    DrillEnvironment drill;
    TestRedis coordination;
    ConsoleServices first;
    ConsoleServices second;
    Stage jana;
    Stage ali;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        drill = DrillEnvironment.start(true);
        // the drill's inventory, its coordination Redis swapped for one this test can stop and start again
        coordination = TestRedis.start();
        Path inventory = dir.resolve("shared-inventory.yaml");
        String drillInventory = Files.readString(drill.inventory());
        assertThat(drillInventory).contains("coordination: {redis: \"127.0.0.1:" + drill.coordinationPort() + "\"");
        Files.writeString(inventory, drillInventory.replace("127.0.0.1:" + drill.coordinationPort(),
                "127.0.0.1:" + coordination.port()));
        first = ConsoleServices.forDrill(new AppHome(dir.resolve("jana")), drill, new FxSudoPasswordPrompt(() -> stage));
        MainWindowWiring.show(stage, first, inventory, false);
        jana = stage;
        Stage other = new Stage();
        second = ConsoleServices.forDrill(new AppHome(dir.resolve("ali")), drill, new FxSudoPasswordPrompt(() -> other));
        MainWindowWiring.show(other, second, inventory, false);
        ali = other;
    }

    @AfterEach
    void tearDown() throws Exception {
        second.close();
        first.close();
        drill.close();
        coordination.close();
    }

    @Test
    void two_windows_work_one_incident_and_see_each_others_notes(FxRobot robot) throws Exception {
        // Jana starts the incident: it is shared at once
        click(robot, jana, "#start-incident");
        clickWhenVisible(robot, "#incident-title");
        robot.write("Bookings fail after the deploy");
        robot.doubleClickOn("#incident-operator").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("jana");
        clickWhenVisible(robot, "Start incident");
        waitFor(30, () -> textIn(robot, jana, "#share-state").equals("shared · jana (IC)"));
        String id = first.incidents().current().id();

        // Ali joins it from the dialog, where it is offered as another console's shared incident
        click(robot, ali, "#start-incident");
        waitFor(30, () -> robot.lookup("#unfinished-incidents").match(NodeQueryUtils.isVisible()).tryQuery()
                .isPresent());
        ListView<IncidentStore.Summary> offered = robot.lookup("#unfinished-incidents").queryListView();
        assertThat(offered.getItems()).extracting(IncidentStore.Summary::id).contains(id);
        robot.interact(() -> offered.getSelectionModel().select(offered.getItems().stream()
                .filter(s -> s.id().equals(id)).findFirst().orElseThrow()));
        robot.doubleClickOn("#incident-operator").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("ali");
        clickWhenVisible(robot, "Join selected");
        waitFor(30, () -> textIn(robot, ali, "#incident-title-label").startsWith("Bookings fail after the deploy"));
        assertThat(second.incidents().current().id()).isEqualTo(id);
        waitFor(30, () -> textIn(robot, ali, "#share-state").equals("shared · ali, jana (IC)"));
        waitFor(30, () -> textIn(robot, jana, "#share-state").equals("shared · ali, jana (IC)"));

        // each one's note reaches the other's timeline, marked as from another console
        note(robot, jana, "Deploy 4512 went out at 14:00");
        note(robot, ali, "Bookings queue is growing on drill-web-01");
        waitFor(30, () -> timelineHas(robot, ali, "Deploy 4512 went out at 14:00", "jana ⇄"));
        waitFor(30, () -> timelineHas(robot, jana, "Bookings queue is growing on drill-web-01", "ali ⇄"));
        // what the other console's panels saw is not repeated: this window's panels read the same hosts
        ListView<?> aliTimeline = (ListView<?>) robot.from(root(ali)).lookup("#timeline-list").query();
        assertThat(aliTimeline.getItems()).filteredOn(o -> ((TimelineEntry) o).fromElsewhere())
                .extracting(o -> ((TimelineEntry) o).kind()).isNotEmpty()
                .doesNotContain(TimelineKind.HEALTH, TimelineKind.BREAKERS, TimelineKind.CONNECTIONS);

        // Jana hands the incident commander role to Ali: both bars say so, Jana's journal holds it
        click(robot, jana, "#incident-menu");
        clickWhenVisible(robot, "#hand-over-commander");
        clickWhenVisible(robot, "#hand-over-commander-to");
        robot.write("ali");
        clickWhenVisible(robot, "OK");
        waitFor(30, () -> textIn(robot, ali, "#share-state").equals("shared · ali (IC), jana"));
        waitFor(30, () -> textIn(robot, jana, "#share-state").equals("shared · ali (IC), jana"));
        waitFor(10, () -> textIn(robot, jana, "#incident-message").equals("ali is incident commander now"));
        IncidentEvent.CommanderHandedOver handed = (IncidentEvent.CommanderHandedOver) firstOf(
                first.incidents().current().journalFile(), IncidentEvent.CommanderHandedOver.class);
        assertThat(handed).isEqualTo(new IncidentEvent.CommanderHandedOver("jana", "ali", "jana"));
        waitFor(30, () -> timelineHas(robot, ali, "Incident commander handed over from jana to ali", "jana ⇄"));

        // Jana raises the severity: Ali's bar shows it (a fact of the incident, not of one console)
        click(robot, jana, "#severity-chip");
        clickWhenVisible(robot, "#severity-p1");
        waitFor(30, () -> textIn(robot, jana, "#severity-chip").equals("P1 · major"));
        waitFor(30, () -> textIn(robot, ali, "#severity-chip").equals("P1 · major"));

        // the report of the shared incident is the same on both consoles, and holds both operators' notes
        Path janaDir = first.incidents().current().journalFile().getParent();
        Path aliDir = second.incidents().current().journalFile().getParent();
        waitFor(60, () -> report(janaDir).equals(report(aliDir)));
        assertThat(report(aliDir)).contains("Deploy 4512 went out at 14:00")
                .contains("Bookings queue is growing on drill-web-01").contains("Consoles:");

        // Ali's own journal holds the start copied from the stream, the join and Ali's own acts only
        Path aliJournal = second.incidents().current().journalFile();
        StringBuilder kinds = new StringBuilder();
        JournalReader.scan(aliJournal, r -> kinds.append(r.data().getClass().getSimpleName()).append(' '));
        assertThat(kinds.toString()).startsWith("Started SessionOpened IncidentShared ");
        assertThat(Files.readString(aliJournal)).doesNotContain("Deploy 4512");
        IncidentEvent.IncidentShared shared = (IncidentEvent.IncidentShared) firstOf(aliJournal,
                IncidentEvent.IncidentShared.class);
        assertThat(shared.joined()).isTrue();
        assertThat(shared.by()).isEqualTo("ali");
    }

    @Test
    void the_bar_says_when_the_shared_timeline_is_offline_and_nothing_is_lost_when_it_is_back(FxRobot robot)
            throws Exception {
        click(robot, jana, "#start-incident");
        clickWhenVisible(robot, "#incident-title");
        robot.write("Checkout slow");
        robot.doubleClickOn("#incident-operator").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("jana");
        clickWhenVisible(robot, "Start incident");
        waitFor(30, () -> textIn(robot, jana, "#share-state").startsWith("shared · "));

        coordination.stop();
        note(robot, jana, "Written while the coordination Redis was down");
        waitFor(60, () -> textIn(robot, jana, "#share-state").startsWith("shared timeline offline, ")
                && textIn(robot, jana, "#share-state").endsWith(" waiting"));
        assertThat(textIn(robot, jana, "#share-state")).doesNotContain("offline, 0 events");
        // the note is this console's all the same: journaled and in its own timeline
        waitFor(30, () -> timelineHas(robot, jana, "Written while the coordination Redis was down", "jana"));

        coordination.startAgain();
        try {
            waitFor(60, () -> textIn(robot, jana, "#share-state").startsWith("shared · jana"));
        } catch (TimeoutException e) {
            throw new AssertionError("the bar still says: " + textIn(robot, jana, "#share-state"), e);
        }
        click(robot, ali, "#start-incident");
        waitFor(30, () -> robot.lookup("#unfinished-incidents").match(NodeQueryUtils.isVisible()).tryQuery()
                .isPresent());
        ListView<IncidentStore.Summary> offered = robot.lookup("#unfinished-incidents").queryListView();
        robot.interact(() -> offered.getSelectionModel().select(0));
        clickWhenVisible(robot, "Join selected");
        waitFor(60, () -> timelineHas(robot, ali, "Written while the coordination Redis was down", "jana ⇄"));
    }

    private static String report(Path incidentDir) throws Exception {
        StringBuilder md = new StringBuilder();
        SharedReport.prepare(incidentDir).report().writeTo(md);
        return md.toString();
    }

    private static IncidentEvent firstOf(Path journal, Class<? extends IncidentEvent> type) throws Exception {
        AtomicReference<IncidentEvent> found = new AtomicReference<>();
        JournalReader.scan(journal, r -> {
            if (found.get() == null && type.isInstance(r.data())) {
                found.set(r.data());
            }
        });
        return found.get();
    }

    private static void note(FxRobot robot, Stage stage, String text) throws Exception {
        click(robot, stage, "#note-field");
        robot.write(text);
        robot.type(KeyCode.ENTER);
        waitFor(10, () -> textIn(robot, stage, "#note-field").isEmpty());
    }

    private static boolean timelineHas(FxRobot robot, Stage stage, String what, String who) {
        Node list = robot.from(root(stage)).lookup("#timeline-list").tryQuery().orElse(null);
        if (!(list instanceof ListView<?> l)) {
            return false;
        }
        return l.getItems().stream().anyMatch(o -> o instanceof TimelineEntry e && e.what().contains(what)
                && e.who().equals(who));
    }

    private static Parent root(Stage stage) {
        return stage.getScene().getRoot();
    }

    private static void click(FxRobot robot, Stage stage, String query) throws Exception {
        AtomicReference<Node> seen = new AtomicReference<>();
        waitFor(30, () -> {
            robot.from(root(stage)).lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().ifPresent(seen::set);
            return seen.get() != null;
        });
        robot.interact(stage::toFront);
        robot.clickOn(seen.get());
    }

    private static String textIn(FxRobot robot, Stage stage, String query) {
        Node n = robot.from(root(stage)).lookup(query).tryQuery().orElse(null);
        String text = n instanceof Labeled l ? l.getText() : n instanceof TextInputControl t ? t.getText() : null;
        return text == null ? "" : text;
    }
}
