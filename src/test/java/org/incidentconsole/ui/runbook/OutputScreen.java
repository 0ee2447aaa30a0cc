package org.incidentconsole.ui.runbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.ui.common.Theme;

/**
 * The stepper alone in a window with the app's stylesheets, over a real SSH server (MINA) and a real journal, with
 * a runbook whose steps print many lines, print a value, and watch a log that the test appends to. Ctrl+F is bound
 * to {@link StepperController#focusOutputSearch()} as the window binds it.
 */
final class OutputScreen implements AutoCloseable {
    static final String RUNBOOK = """
            ---
            variables:
              word: {default: first}
            ---
            # Output drill

            ## Count (1 minute)
            ```bash
            seq 1 200
            ```

            ## Say (1 minute)
            ```bash
            echo said {{word}}
            ```

            ## Watch the log (1 minute)
            ```bash
            tail -f %s
            ```
            """;

    final SshKit kit;
    final MinaSshServer sshd;
    final IncidentSession session;
    final StepperViewModel model;
    final StepperController controller;
    final Path log;

    private OutputScreen(SshKit kit, MinaSshServer sshd, IncidentSession session, StepperViewModel model,
                         StepperController controller, Path log) {
        this.kit = kit;
        this.sshd = sshd;
        this.session = session;
        this.model = model;
        this.controller = controller;
        this.log = log;
    }

    static OutputScreen open(Stage stage, Path dir) throws Exception {
        SshKit kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        MinaSshServer sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        Host web1 = SshKit.host("web-01", sshd.port(), key);
        IncidentSession session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x",
                Severity.P1, "drill", "jana", "r.md", "UTC");
        Path log = dir.resolve("app.log");
        Files.writeString(log, "worker started\n");
        Path file = dir.resolve("output.md");
        Files.writeString(file, RUNBOOK.formatted(log));
        StepperViewModel model = new StepperViewModel(Platform::runLater, kit.io, () -> session,
                new StepRunner(kit.connections(), new Redactor(), kit.io), List::of, () -> List.of(web1),
                command -> null, "jana", Clock.systemUTC(), new SimpleStringProperty(""));
        StepperController controller = new StepperController(model, List.of(file), () -> "drill", Runnable::run,
                text -> CompletableFuture.completedFuture(null));
        FXMLLoader loader = new FXMLLoader(OutputScreen.class.getResource("/fxml/runbook_stepper.fxml"));
        loader.setControllerFactory(type -> controller);
        Parent root = loader.load();
        Scene scene = new Scene(root, 1000, 800);
        Theme.DARK.apply(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                controller::focusOutputSearch);
        stage.setScene(scene);
        stage.show();
        model.open(file);
        return new OutputScreen(kit, sshd, session, model, controller, log);
    }

    /** The index of the step whose title starts with {@code title}. */
    int index(String title) {
        for (int i = 0; i < model.steps().size(); i++) {
            if (model.steps().get(i).title().startsWith(title)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no step " + title + " in " + model.steps());
    }

    @Override
    public void close() throws Exception {
        session.close();
        kit.close();
        sshd.close();
    }
}
