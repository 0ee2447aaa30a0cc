package org.incidentconsole.ui.runbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;

/**
 * The stepper alone in a window, over a real SSH server (MINA) and a real incident journal, with a runbook written
 * the way on-call people write them: a choice inside a block, a question leading to sections, manual steps, a
 * watch, and a reference section.
 */
final class WalkScreen implements AutoCloseable {
    static final String RUNBOOK = """
            # Release rollback

            ## Roll back (5 minutes)

            ### Step 1: Clear the state (1 minute)
            ```bash
            # OPTION A: the whole database
            echo wiping-everything
            # OPTION B: only the breakers
            echo clearing-breakers
            ```

            ### Step 2: Who is affected? (1 minute)
            Who is affected by the outage?
            - If customers are affected, go to [Status page](#status-page)
            - If only staff are affected, go to [Team channel](#team-channel)

            ### Status page
            1. Post on the status page that a rollback is under way.
            2. Link the incident.

            ### Team channel
            1. Tell the team in the incident channel.
            2. Name who watches the logs.

            ### Step 3: Watch the log (1 minute)
            ```bash
            tail -f %s
            ```

            ## Diagnostics

            ### Disk
            ```bash
            df -h /
            ```
            """;

    final SshKit kit;
    final MinaSshServer sshd;
    final IncidentSession session;
    final StepperViewModel model;
    final Path log;

    private WalkScreen(SshKit kit, MinaSshServer sshd, IncidentSession session, StepperViewModel model, Path log) {
        this.kit = kit;
        this.sshd = sshd;
        this.session = session;
        this.model = model;
        this.log = log;
    }

    static WalkScreen open(Stage stage, Path dir) throws Exception {
        return open(stage, dir, "rollback.md", RUNBOOK, "worker started\nGET /api/health 200\n", (scene, controller) -> { });
    }

    /**
     * The stepper alone over one MINA host with {@code runbook} open (its {@code %s} is the log file, which starts
     * as {@code logText}); {@code dress} adds to the scene (a theme, accelerators) before it shows.
     */
    static WalkScreen open(Stage stage, Path dir, String fileName, String runbook, String logText,
                           BiConsumer<Scene, StepperController> dress) throws Exception {
        SshKit kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        MinaSshServer sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        Host web1 = SshKit.host("web-01", sshd.port(), key);
        IncidentSession session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x",
                Severity.P1, "drill", "jana", "r.md", "UTC");
        Path log = dir.resolve("app.log");
        Files.writeString(log, logText);
        Path file = dir.resolve(fileName);
        Files.writeString(file, runbook.formatted(log));
        StepperViewModel model = new StepperViewModel(Platform::runLater, kit.io, () -> session,
                new StepRunner(kit.connections(), new Redactor(), kit.io), List::of, () -> List.of(web1),
                command -> null, "jana", Clock.systemUTC(), new SimpleStringProperty(""));
        StepperController controller = new StepperController(model, List.of(file), () -> "drill", Runnable::run,
                text -> CompletableFuture.completedFuture(null));
        FXMLLoader loader = new FXMLLoader(WalkScreen.class.getResource("/fxml/runbook_stepper.fxml"));
        loader.setControllerFactory(type -> controller);
        Parent root = loader.load();
        Scene scene = new Scene(root, 1000, 800);
        dress.accept(scene, controller);
        stage.setScene(scene);
        stage.show();
        model.open(file);
        return new WalkScreen(kit, sshd, session, model, log);
    }

    <T extends IncidentEvent> List<T> journaled(Class<T> type) throws Exception {
        return JournalReader.read(session.journalFile()).records().stream().map(JournalRecord::data)
                .filter(type::isInstance).map(type::cast).toList();
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
