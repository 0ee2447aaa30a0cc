package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.waitFor;
import static org.incidentconsole.testing.FxScreen.waitForText;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.ui.common.FxHostKeyPrompt;
import org.incidentconsole.ui.common.StyleClasses;
import org.incidentconsole.ui.common.Theme;
import org.incidentconsole.ui.common.WindowPrefs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The main window on a production inventory: a full-width red bar that says PRODUCTION, three columns the operator
 * can resize with the runbook the widest, a theme toggle that names the theme it switches to, and the layout and
 * theme remembered when the window closes and restored when it opens again.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowLayoutScreenTest {
    @TempDir
    Path dir;
    ConsoleServices services;
    Path inventory;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        this.stage = stage;
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, """
                environment: production
                defaults: {user: nobody, agent: false}
                hosts:
                  - {name: web-01, address: 127.0.0.1, port: %d}
                """.formatted(closed));
        services = new ConsoleServices(new AppHome(dir.resolve("home")), dir.resolve("user-home"), Map.of(),
                new FxHostKeyPrompt(() -> stage), PassphrasePrompt.NONE, SudoPasswordPrompt.NONE);
        MainWindowWiring.show(stage, services, inventory, false);
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    @Test
    void production_is_a_full_width_red_bar_with_its_words(FxRobot robot) throws Exception {
        Node bar = robot.lookup(".incident-bar").query();
        waitFor(30, () -> bar.getPseudoClassStates().contains(StyleClasses.pseudoClass("production")));
        waitForText(robot, "#environment-badge", "PRODUCTION");
        Node notice = robot.lookup("#production-notice").query();
        assertThat(notice.isVisible()).isTrue();
        assertThat(robot.lookup("#drill-notice").query().isVisible()).isFalse();
        assertThat(bar.getLayoutBounds().getWidth()).as("the bar spans the window")
                .isCloseTo(stage.getScene().getWidth(), org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void the_columns_resize_and_the_layout_and_theme_come_back_after_a_restart(FxRobot robot) throws Exception {
        SplitPane columns = robot.lookup("#main-columns").query();
        SplitPane panels = robot.lookup("#side-panels").query();
        assertThat(columns.getDividers()).hasSize(2);
        assertThat(panels.getDividers()).as("health | breakers | timeline").hasSize(2);
        List<Node> items = columns.getItems();
        waitFor(10, () -> items.get(1).getLayoutBounds().getWidth() > 0);
        assertThat(items.get(1).getLayoutBounds().getWidth()).as("the runbook column is the widest")
                .isGreaterThan(items.get(0).getLayoutBounds().getWidth())
                .isGreaterThan(items.get(2).getLayoutBounds().getWidth());

        ToggleButton theme = robot.lookup("#light-theme").query();
        assertThat(theme.getText()).isEqualTo("Light theme");
        clickWhenVisible(robot, "#light-theme");
        waitFor(10, () -> theme.getText().equals("Dark theme"));
        robot.interact(() -> {
            columns.setDividerPositions(0.3, 0.6);
            panels.setDividerPositions(0.4, 0.7);
        });
        robot.interact(stage::close);
        Path prefs = services.home().windowPrefs();
        waitFor(10, () -> Files.exists(prefs));
        WindowPrefs saved = WindowPrefsFile.load(prefs);
        assertThat(saved.theme()).isEqualTo(Theme.LIGHT);
        assertThat(saved.columns()).satisfiesExactly(d -> assertThat(d).isCloseTo(0.3, within()),
                d -> assertThat(d).isCloseTo(0.6, within()));
        assertThat(saved.panels()).hasSize(2).first().satisfies(d -> assertThat(d).isCloseTo(0.4, within()));

        CompletableFuture<Stage> again = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage next = new Stage();
            MainWindowWiring.show(next, services, inventory, false);
            again.complete(next);
        });
        Stage next = again.get(30, TimeUnit.SECONDS);
        SplitPane restored = (SplitPane) next.getScene().lookup("#main-columns");
        ToggleButton toggle = (ToggleButton) next.getScene().lookup("#light-theme");
        waitFor(10, () -> Math.abs(restored.getDividerPositions()[0] - 0.3) < 0.02);
        assertThat(restored.getDividerPositions()[1]).isCloseTo(0.6, within());
        assertThat(toggle.isSelected()).as("light theme remembered").isTrue();
        assertThat(toggle.getText()).isEqualTo("Dark theme");
        robot.interact(next::close);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.02);
    }
}
