package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.ui.incident.AskingIncidentGuard;
import org.incidentconsole.ui.incident.IncidentBarController;
import org.incidentconsole.ui.incident.IncidentBarViewModel;
import org.incidentconsole.ui.incident.IncidentGateway;
import org.incidentconsole.ui.incident.StartIncidentPrompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The incident bar on screen over a real journal, on a drill console that also finds a production incident on disk:
 * the title is typed first, the production incident is shown apart and cannot be picked, Resolve stops the clock and
 * offers a new incident.
 */
@ExtendWith(ApplicationExtension.class)
class IncidentBarScreenTest {
    private static final IncidentBinding DRILL = IncidentBinding.of("drill", "inventory.yaml", List.of("drill-web-01"));

    @TempDir
    static Path dir;
    private final AtomicReference<IncidentSession> current = new AtomicReference<>();
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bar-test-io");
        t.setDaemon(true);
        return t;
    });
    private String production;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        IncidentStore store = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC());
        try (IncidentSession p = store.start("Payments down", "pager", Severity.P0,
                IncidentBinding.of("production", "inventory.yaml", List.of("web-01")), "eva", null, "UTC")) {
            production = p.id();
        }
        IncidentGateway gateway = new StoreGateway(store, DRILL, List.of(), current);
        IncidentBarViewModel model = new IncidentBarViewModel(Platform::runLater, io, gateway, Clock.systemUTC(),
                "root");
        AskingIncidentGuard guard = new AskingIncidentGuard(model,
                new StartIncidentPrompt(() -> stage, () -> "drill", () -> null, model::operator), Platform::runLater);
        IncidentBarController controller = new IncidentBarController(model, guard, io);
        FXMLLoader loader = new FXMLLoader(IncidentBarController.class.getResource("/fxml/incident_bar.fxml"));
        loader.setControllerFactory(type -> controller);
        Parent bar = loader.load();
        stage.setScene(new Scene(bar, 1200, 80));
        stage.show();
    }

    @AfterEach
    void close() {
        if (current.get() != null) {
            current.get().close();
        }
        io.shutdownNow();
    }

    @Test
    void start_with_the_title_typed_first_as_jana_then_resolve_offers_a_new_incident(FxRobot robot)
            throws Exception {
        clickWhenVisible(robot, "#start-incident");
        // the dialog's window has the keyboard and, in it, Title has the focus: no click needed before typing
        waitFor(30, () -> robot.lookup("#incident-title").tryQuery().map(n -> n.isFocused()
                && n.getScene().getWindow().isFocused()).orElse(false));
        // TestFX types into the window it last clicked (the bar); the keyboard is the dialog's, as for a person
        robot.targetWindow(robot.lookup("#incident-title").query().getScene().getWindow());
        robot.write("Checkout answers 500"); // no click: the focus is in Title
        try {
            waitFor(10, () -> textNow(robot, "#incident-title").equals("Checkout answers 500"));
        } catch (TimeoutException e) {
            throw new AssertionError("typed into: " + robot.lookup(".text-field").queryAll().stream()
                    .map(n -> n.getId() + "=" + ((TextField) n).getText() + "/" + n.isFocused())
                    .toList() + " windows " + Window.getWindows().stream()
                    .map(w -> w.getClass().getSimpleName() + ":" + w.isFocused()).toList());
        }
        ListView<?> other = robot.lookup("#other-incidents").queryListView();
        assertThat(other.getItems()).singleElement().asString().contains(production);
        assertThat(textNow(robot, "#other-incidents .list-cell")).contains("started on PRODUCTION")
                .contains("this console is on DRILL");
        assertThat(robot.lookup("#unfinished-incidents").tryQuery()).as("nothing resumable here").isEmpty();
        robot.doubleClickOn("#incident-operator").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("jana");
        clickWhenVisible(robot, "Start incident");
        try {
            waitFor(30, () -> textNow(robot, "#incident-title-label").startsWith("Checkout answers 500  ·  INC-"));
        } catch (TimeoutException e) {
            throw new AssertionError("bar shows '" + textNow(robot, "#incident-title-label") + "'; on screen: "
                    + robot.lookup(".label").queryAll().stream().map(n -> ((Labeled) n).getText())
                    .toList() + " " + robot.lookup(".text-field").queryAll().stream()
                    .map(n -> n.getId() + "=" + ((TextField) n).getText()).toList());
        }
        waitFor(10, () -> textNow(robot, "#incident-operator-label").equals("operator jana"));
        assertThat(textNow(robot, "#status-chip")).isEqualTo("investigating");

        clickWhenVisible(robot, "#resolve");
        clickWhenVisible(robot, "#resolve-summary");
        robot.write("rolled back");
        clickWhenVisible(robot, "OK");
        waitFor(30, () -> textNow(robot, "#start-incident").equals("Start a new incident…"));
        waitFor(10, () -> textNow(robot, "#incident-elapsed").endsWith("RESOLVED"));
        assertThat(textNow(robot, "#status-chip")).isEqualTo("resolved");

        List<IncidentEvent> events = JournalReader.read(current.get().journalFile()).records().stream()
                .map(JournalRecord::data).toList();
        assertThat(events.get(0)).isInstanceOfSatisfying(IncidentEvent.Started.class, s -> {
            assertThat(s.title()).isEqualTo("Checkout answers 500");
            assertThat(s.operator()).isEqualTo("jana");
            assertThat(s.environment()).isEqualTo("drill");
            assertThat(s.inventoryFingerprint()).isEqualTo(DRILL.fingerprint());
        });
        assertThat(events).contains(new IncidentEvent.Resolved("rolled back", "jana"));
    }
}
