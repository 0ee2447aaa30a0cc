package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.ui.runbook.StepperController;
import org.incidentconsole.ui.runbook.StepperViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Before a dangerous step runs, the confirmation shows the command lines as they will run (the typed value in
 * them), the hosts, and every danger with its reason: nothing summed up as "(and 1 more)".
 */
@ExtendWith(ApplicationExtension.class)
class DangerConfirmationScreenTest {
    @TempDir
    Path dir;
    IncidentSession session;
    StepperViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        Path file = dir.resolve("switch.md");
        Files.writeString(file, """
                ---
                variables:
                  release:
                    description: the release to go back to
                ---
                # Switch the shop back
                ## Switch the release (2 minutes)
                ```bash
                /opt/shop/bin/switch-release {{release}}  # danger: changes the code that serves users
                /opt/shop/bin/purge-cache --all  # danger: empties the page cache; pages render slowly for a while
                ```
                """);
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("Checkout down", "x",
                Severity.P1, "production", "jane", file.toString(), "UTC");
        List<Host> targets = List.of(Host.of("web-01", "10.0.0.11", 22, "deploy", List.of()),
                Host.of("web-02", "10.0.0.12", 22, "deploy", List.of()));
        model = new StepperViewModel(Runnable::run, Runnable::run, () -> session,
                new StepRunner(null, new Redactor(), null), List::of, () -> targets, command -> null, "jane",
                Clock.systemUTC());
        StepperController controller = new StepperController(model, List.of(file), () -> "production", Runnable::run,
                text -> CompletableFuture.completedFuture(null));
        FXMLLoader loader = new FXMLLoader(getClass().getResource("/fxml/runbook_stepper.fxml"));
        loader.setControllerFactory(type -> controller);
        Parent root = loader.load();
        stage.setScene(new Scene(root, 900, 700));
        stage.show();
        model.open(file);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void the_confirmation_shows_both_reasons_the_filled_command_and_the_hosts(FxRobot robot) throws Exception {
        waitFor(30, () -> textNow(robot, "#step-heading").startsWith("Switch the shop back › Switch the release"));
        TextField release = robot.lookup("#var-release").queryAs(TextField.class);
        robot.interact(() -> release.setText("v2.4.1"));

        clickWhenVisible(robot, "#run-step");
        waitFor(30, () -> !textNow(robot, "#danger-reason-1").isEmpty());

        VBox reasons = robot.lookup("#danger-reasons").queryAs(VBox.class);
        assertThat(reasons.getChildren()).hasSize(2);
        assertThat(textNow(robot, "#danger-reason-0")).startsWith("⚠ changes the code that serves users — line 9:"
                + " /opt/shop/bin/switch-release v2.4.1");
        assertThat(textNow(robot, "#danger-reason-1")).startsWith("⚠ empties the page cache; pages render slowly for"
                + " a while — line 10: /opt/shop/bin/purge-cache --all");
        assertThat(textNow(robot, "#danger-commands")).startsWith("/opt/shop/bin/switch-release v2.4.1  # danger:")
                .contains("\n/opt/shop/bin/purge-cache --all").doesNotContain("{{release}}");
        assertThat(textNow(robot, "#danger-hosts")).isEqualTo("web-01 (10.0.0.11), web-02 (10.0.0.12)");
        assertThat(textNow(robot, "#danger-prompt")).isEqualTo("Type 'production' to run it.");
        assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getHeaderText())
                .isEqualTo("Switch the release (2 minutes) will run on 2 hosts, all at once. It has 2 dangers:")
                .doesNotContain("more");

        clickWhenVisible(robot, "#danger-cancel");
        waitFor(30, () -> robot.lookup("#danger-dialog").tryQuery().isEmpty());
        Path journal = session.journalFile();
        assertThat(JournalReader.read(journal).records().stream().map(JournalRecord::data))
                .as("cancelled: nothing ran, nothing was confirmed")
                .noneMatch(e -> e instanceof IncidentEvent.DangerConfirmed || e instanceof IncidentEvent.StepStarted);
    }
}
