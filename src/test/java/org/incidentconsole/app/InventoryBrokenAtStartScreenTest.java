package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.stage.Stage;
import org.incidentconsole.ssh.HostKeyPrompt;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.testing.FxScreen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A window opened on a broken inventory lists every problem and the health panel says why nothing is polled. */
@ExtendWith(ApplicationExtension.class)
class InventoryBrokenAtStartScreenTest {
    @TempDir
    Path dir;
    ConsoleServices services;
    Path inventory;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, """
                environment: staging
                hosts:
                  - {name: web-01, adress: 10.0.0.1}
                  - {name: web-02, address: 10.0.0.2, port: 0}
                """);
        services = new ConsoleServices(new AppHome(dir.resolve("home")), dir.resolve("user-home"), Map.of(),
                HostKeyPrompt.REFUSE_ALL, PassphrasePrompt.NONE, SudoPasswordPrompt.NONE);
        MainWindowWiring.show(stage, services, inventory, false);
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    @Test
    void every_problem_is_listed_in_its_own_panel_and_health_does_not_wait_for_results_that_never_come(
            FxRobot robot) throws Exception {
        waitFor(30, () -> robot.lookup("#inventory-problems").query().isVisible());
        assertThat(textNow(robot, "#inventory-problems-heading")).startsWith("The inventory has 3 problems");
        assertThat(textNow(robot, "#inventory-problem-0")).isEqualTo(inventory + ":3:5");
        assertThat(textNow(robot, "#inventory-problem-1")).isEqualTo(inventory + ":3:20");
        assertThat(textNow(robot, "#inventory-problem-2")).isEqualTo(inventory + ":4:45");
        assertThat(textNow(robot, "#inventory-message")).isEqualTo("No hosts: the inventory has 3 problems (listed above).");
        waitFor(30, () -> textNow(robot, "#advice").startsWith("No health checks"));
    }
}
