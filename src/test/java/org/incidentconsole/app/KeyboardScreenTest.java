package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.StepOutcome;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.ui.Shortcut;
import org.incidentconsole.ui.common.FxHostKeyPrompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window on a MINA host, driven by keys: Ctrl+N starts the incident, Ctrl+O opens the runbook list (Esc
 * closes it without cancelling anything), Ctrl+Enter runs, Esc with the step list focused cancels the running
 * step, Ctrl+L, Ctrl+F, F1 and Ctrl+R do what the shortcut list says. The Run button keeps its place while the
 * status line says more, and the step clock counts from the run and stands still once the step ended.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardScreenTest {
    /** Long enough that the status line wraps at any window width. */
    private static final String LONG_TITLE = "Wait for the queue workers to drain every pending job of the checkout "
            + "service before anything else is touched on this host";

    @TempDir
    Path dir;
    MinaSshServer server;
    ConsoleServices services;
    String previousRunbooks;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        Path key = TestKeys.generate(dir, "id_ed25519");
        server = MinaSshServer.start(TestKeys.publicKey(key));
        Path inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, """
                environment: staging
                defaults:
                  user: %s
                  identity_files: [%s]
                  agent: false
                hosts:
                  - {name: web-01, address: 127.0.0.1, port: %d}
                """.formatted(System.getProperty("user.name"), key, server.port()));
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(runbooks.resolve("slow.md"), """
                # Slow checks

                ## %s (1 minute)
                ```bash
                echo draining; sleep 300
                ```

                ## Say hello
                ```bash
                echo hello
                ```
                """.formatted(LONG_TITLE));
        previousRunbooks = System.setProperty(ShippedRunbooks.PROPERTY, runbooks.toString());
        services = new ConsoleServices(new AppHome(dir.resolve("home")), dir.resolve("user-home"), Map.of(),
                new FxHostKeyPrompt(() -> stage), PassphrasePrompt.NONE, SudoPasswordPrompt.NONE);
        MainWindowWiring.show(stage, services, inventory, false);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (previousRunbooks == null) {
            System.clearProperty(ShippedRunbooks.PROPERTY);
        } else {
            System.setProperty(ShippedRunbooks.PROPERTY, previousRunbooks);
        }
        services.close();
        server.close();
    }

    private List<IncidentEvent> journal() throws Exception {
        try (Stream<Path> s = Files.walk(dir.resolve("home"))) {
            Path file = s.filter(p -> p.getFileName().toString().equals("journal.jsonl")).findFirst().orElseThrow();
            return JournalReader.read(file).records().stream().map(JournalRecord::data).toList();
        }
    }

    /** Host cells are rebuilt as health results come in: click the current one until {@code done} holds. */
    static void clickUntil(FxRobot robot, String query, Callable<Boolean> done)
            throws Exception {
        waitFor(60, () -> {
            if (done.call()) {
                return true;
            }
            // a list keeps a cell outside the scene to measure rows: only a cell on screen is clicked
            robot.lookup(query).match((Node n) -> n.getScene() != null && n.isVisible()).tryQuery().ifPresent(n -> {
                try {
                    robot.clickOn(n);
                } catch (RuntimeException rebuilt) {
                    // the cell left the scene between the lookup and the click (a health result): look again
                }
            });
            return done.call();
        });
    }


    @Test
    void every_shortcut_does_what_the_list_says_and_esc_on_the_step_list_cancels_the_running_step(FxRobot robot)
            throws Exception {
        clickUntil(robot, "#connect-web-01",
                () -> robot.lookup("#" + FxHostKeyPrompt.DIALOG_ID).tryQuery().isPresent());
        clickWhenVisible(robot, FxHostKeyPrompt.TRUST);
        waitFor(30, () -> textNow(robot, "#state-web-01").equals("connected"));

        robot.push(KeyCode.CONTROL, KeyCode.N);
        clickWhenVisible(robot, "#incident-title");
        robot.write("Checkout queue stuck");
        clickWhenVisible(robot, "Start incident");
        waitFor(30, () -> textNow(robot, "#incident-title-label").startsWith("Checkout queue stuck"));

        ComboBox<?> chooser = robot.lookup("#runbook-choice").queryComboBox();
        robot.push(KeyCode.CONTROL, KeyCode.O);
        waitFor(30, chooser::isShowing);
        assertThat(chooser.isFocused()).isTrue();
        robot.push(KeyCode.ESCAPE);
        waitFor(30, () -> !chooser.isShowing());
        clickWhenVisible(robot, "#open-runbook");
        ListView<Step> steps = robot.lookup("#step-list").queryListView();
        waitFor(60, () -> steps.getItems().size() == 2);
        Button run = robot.lookup("#run-step").queryButton();
        Label budget = robot.lookup("#step-budget").queryAs(Label.class);
        robot.interact(() -> steps.getSelectionModel().select(0));
        assertThat(budget.getText()).as("selecting a step starts no clock").isEmpty();
        double runY = run.localToScene(0, 0).getY();
        robot.clickOn(steps); // the operator's click on the list
        robot.interact(() -> steps.getSelectionModel().select(0));
        waitFor(30, steps::isFocused);

        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        Button cancel = robot.lookup("#cancel-step").queryButton();
        waitFor(30, () -> !cancel.isDisabled());
        Label message = robot.lookup("#step-message").queryAs(Label.class);
        waitFor(30, () -> message.getText().contains(LONG_TITLE));
        assertThat(run.localToScene(0, 0).getY()).as("Run keeps its place while the status line says more")
                .isEqualTo(runY);
        waitFor(30, () -> budget.getText().startsWith("Step 1 · ") && budget.getText().contains("left of"));

        robot.clickOn(steps);
        robot.interact(() -> steps.getSelectionModel().select(0));
        waitFor(30, steps::isFocused); // the step list has the focus, as after a click on a step
        robot.push(KeyCode.ESCAPE);
        waitFor(30, () -> cancel.isDisabled());
        waitFor(30, () -> journal().stream().anyMatch(e -> e instanceof IncidentEvent.StepFinished));
        IncidentEvent.StepFinished finished = journal().stream().filter(e -> e instanceof IncidentEvent.StepFinished)
                .map(e -> (IncidentEvent.StepFinished) e).findFirst().orElseThrow();
        assertThat(finished.outcome()).isEqualTo(StepOutcome.CANCELLED);
        waitFor(30, () -> budget.getText().startsWith("Step 1 · took "));
        assertThat(budget.getPseudoClassStates()).as("a stopped clock is in no warning colour")
                .noneMatch(c -> c.getPseudoClassName().equals("close") || c.getPseudoClassName().equals("over"));
        robot.interact(() -> steps.getSelectionModel().select(1));
        assertThat(budget.getText()).as("the clock belongs to the step that ran, not the one selected")
                .startsWith("Step 1 · took ");

        robot.push(KeyCode.CONTROL, KeyCode.L);
        waitFor(30, () -> robot.lookup("#note-field").query().isFocused());
        robot.push(KeyCode.CONTROL, KeyCode.F);
        waitFor(30, () -> robot.lookup("#output-search").tryQuery().map(Node::isFocused).orElse(false));

        robot.push(KeyCode.F1);
        waitFor(30, () -> robot.lookup("#shortcut-list").tryQuery().isPresent());
        String listed = textNow(robot, "#shortcut-list");
        for (Shortcut s : Shortcut.values()) {
            assertThat(listed).contains(s.keys()).contains(s.description());
        }
        robot.push(KeyCode.ESCAPE);
        waitFor(30, () -> robot.lookup("#shortcut-list").tryQuery().isEmpty());

        robot.push(KeyCode.CONTROL, KeyCode.R);
        waitFor(30, () -> textNow(robot, "#reload-outcome").startsWith("Inventory reloaded"));
        assertThat(textNow(robot, "#reload-outcome")).endsWith("0 hosts added, 0 hosts removed, 0 hosts changed.");
        waitFor(30, () -> journal().stream().anyMatch(e -> e instanceof IncidentEvent.InventoryReloaded));
        assertThat(textNow(robot, "#state-web-01")).as("an unchanged host stays connected").isEqualTo("connected");
        assertThat(textNow(robot, "#incident-title-label")).startsWith("Checkout queue stuck");
    }
}
