package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.testing.HandClock;
import org.incidentconsole.ui.common.Theme;
import org.incidentconsole.ui.incident.AskingIncidentGuard;
import org.incidentconsole.ui.incident.IncidentBarController;
import org.incidentconsole.ui.incident.IncidentBarViewModel;
import org.incidentconsole.ui.incident.StartIncidentPrompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 21 on screen: the bar's "Next update" label appears after the initial alert and turns amber when late. */
@ExtendWith(ApplicationExtension.class)
class IncidentBarCadenceScreenTest {
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    @TempDir
    static Path dir;
    private final AtomicReference<IncidentSession> current = new AtomicReference<>();
    private final HandClock clock = new HandClock(Instant.parse("2026-11-24T13:00:00Z"));
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cadence-test-io");
        t.setDaemon(true);
        return t;
    });
    private IncidentBarViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        IncidentStore store = new IncidentStore(dir.resolve("incidents"), clock);
        model = new IncidentBarViewModel(Platform::runLater, io, new StoreGateway(store,
                new IncidentBinding("drill", null, null), List.of(), current), clock, "jana");
        model.setUpdateEvery(Duration.ofMinutes(5));
        AskingIncidentGuard guard = new AskingIncidentGuard(model,
                new StartIncidentPrompt(() -> stage, () -> "drill", () -> null, model::operator), Platform::runLater);
        IncidentBarController controller = new IncidentBarController(model, guard, io);
        FXMLLoader loader = new FXMLLoader(IncidentBarController.class.getResource("/fxml/incident_bar.fxml"));
        loader.setControllerFactory(type -> controller);
        Parent bar = loader.load();
        Scene scene = new Scene(bar, 1400, 80);
        Theme.DARK.apply(scene);
        stage.setScene(scene);
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
    void the_label_shows_the_next_update_and_turns_amber_when_it_is_overdue(FxRobot robot) throws Exception {
        model.start("Checkout fails", "alert", Severity.P1, "jana").get();
        Node label = robot.lookup("#next-update").query();
        waitFor(30, () -> textNow(robot, "#incident-title-label").startsWith("Checkout fails"));
        assertThat(label.isVisible()).as("no update is due before the initial alert").isFalse();

        current.get().record(new IncidentEvent.MessagePosted("m1", "initial", "s", "t", List.of("ops"), null,
                "jana")).get();
        current.get().record(new IncidentEvent.MessageDelivery("m1", "ops", "delivered", 200, "ok", 1, null)).get();
        waitFor(30, () -> textNow(robot, "#next-update").equals("Next update 13:05") && label.isVisible());
        assertThat(label.getPseudoClassStates()).doesNotContain(OVERDUE);

        clock.advance(Duration.ofMinutes(7)); // the bar's own one-second ticker notices
        waitFor(30, () -> textNow(robot, "#next-update").equals("Update overdue 2 min"));
        waitFor(10, () -> label.getPseudoClassStates().contains(OVERDUE));
    }
}
