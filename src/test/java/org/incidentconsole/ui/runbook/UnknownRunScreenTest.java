package org.incidentconsole.ui.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.ui.runbook.output.HostOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the operator sees of an unknown run in the step pane: the refusal sentence in the host's output, the
 * "Acknowledge…" bar under Run, the dialog that wants a finding, and the step running after it.
 */
@ExtendWith(ApplicationExtension.class)
class UnknownRunScreenTest {
    @TempDir
    Path dir;
    SshKit kit;
    MinaSshServer sshd;
    IncidentSession session;
    StepperViewModel model;
    final UnknownRunTable table = new UnknownRunTable();

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        Host web1 = SshKit.host("web-01", sshd.port(), key);
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x", Severity.P1,
                "drill", "ola", "drill.md", "UTC");
        Path file = dir.resolve("drill.md");
        Files.writeString(file, """
                # Drill
                ## Warm the cache (1 minute)
                ```bash
                echo warmed
                ```
                """);
        StepRunner runner = new StepRunner(kit.connections(), new Redactor(), kit.io);
        runner.useClaims(table);
        model = new StepperViewModel(Platform::runLater, kit.io, () -> session, runner, List::of,
                () -> List.of(web1), command -> null, "ola", Clock.systemUTC(), new SimpleStringProperty(""));
        StepperController controller = new StepperController(model, List.of(file), () -> "drill", Runnable::run,
                text -> CompletableFuture.completedFuture(null));
        FXMLLoader loader = new FXMLLoader(UnknownRunScreenTest.class.getResource("/fxml/runbook_stepper.fxml"));
        loader.setControllerFactory(type -> controller);
        Parent root = loader.load();
        stage.setScene(new Scene(root, 1000, 800));
        stage.show();
        table.vanished(new RunbookParser().parse(file).steps().get(0).pathText(), "web-01"); // before it is shown
        model.open(file);
    }

    @AfterEach
    void tearDown() throws Exception {
        session.close();
        kit.close();
        sshd.close();
    }

    private <T extends IncidentEvent> List<T> journaled(Class<T> type) throws Exception {
        return JournalReader.read(session.journalFile()).records().stream().map(JournalRecord::data)
                .filter(type::isInstance).map(type::cast).toList();
    }

    private List<String> web1Output() {
        return model.outputs().hosts().stream().filter(h -> h.host().equals("web-01")).findFirst()
                .map(HostOutput::lines).map(List::copyOf).orElse(List.of());
    }

    @Test
    void an_unknown_run_refuses_the_host_until_acknowledged_with_a_finding_then_the_step_runs(FxRobot robot)
            throws Exception {
        ListView<Step> list = robot.lookup("#step-list").queryListView();
        waitFor(30, () -> !list.getItems().isEmpty());
        robot.interact(() -> list.getSelectionModel().select(0));
        waitFor(30, () -> robot.lookup("#unknown-run-bar").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(FxScreen.textNow(robot, "#unknown-runs")).startsWith("Outcome UNKNOWN on web-01");

        clickWhenVisible(robot, "#run-step");
        waitFor(60, () -> web1Output().stream().anyMatch(l -> l.contains("UNKNOWN")));
        assertThat(web1Output()).anyMatch(l -> l.endsWith("— not run: the outcome of Drill › Warm the cache"
                + " (1 minute) on web-01 is UNKNOWN: jana's console vanished while running it (lock expired"
                + " 14:05:02); look at the host, then acknowledge it"));
        waitFor(30, () -> !model.runningProperty().get());

        clickWhenVisible(robot, "#acknowledge-unknown");
        waitFor(30, () -> robot.lookup("#acknowledge-finding").tryQuery().isPresent());
        assertThat(robot.lookup("#acknowledge-ok").query().isDisabled()).as("a finding is required").isTrue();
        TextArea finding = robot.lookup("#acknowledge-finding").queryAs(TextArea.class);
        robot.interact(() -> finding.setText("cache warm, workers up"));
        clickWhenVisible(robot, "#acknowledge-ok");

        waitFor(30, () -> !journaled(IncidentEvent.UnknownRunAcknowledged.class).isEmpty());
        assertThat(journaled(IncidentEvent.UnknownRunAcknowledged.class).get(0).finding())
                .isEqualTo("cache warm, workers up");
        waitFor(30, () -> !robot.lookup("#unknown-run-bar").query().isVisible());

        clickWhenVisible(robot, "#run-step");
        waitFor(60, () -> web1Output().contains("warmed"));
        waitFor(60, () -> !model.runningProperty().get());
        assertThat(journaled(IncidentEvent.RunOutcomeUnknown.class)).as("journaled once").hasSize(1);
    }
}
