package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;
import static org.incidentconsole.testing.FxScreen.waitForText;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.ui.common.FxHostKeyPrompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window starts, and switches theme, without a CSS warning: every token (-color-*, -ic-*) a rule looks up is
 * resolved. JavaFX reports a lookup it cannot resolve ("ClassCastException … -fx-border-color", "Could not resolve
 * '-color-fg-muted'") on its "javafx.css" logger (java.util.logging), which is captured here.
 */
@ExtendWith(ApplicationExtension.class)
class WindowCssWarningsTest {
    private static final Logger CSS = Logger.getLogger("javafx.css");
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            warnings.add(r.getLevel() + " " + r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    @TempDir
    Path dir;
    ConsoleServices services;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        CSS.addHandler(capture);
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path inventory = dir.resolve("inventory.yaml");
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
        CSS.removeHandler(capture);
        services.close();
    }

    @Test
    void the_window_starts_and_switches_theme_without_a_css_lookup_warning(FxRobot robot) throws Exception {
        waitForText(robot, "#state-web-01", "not connected"); // the host list's cells are styled too
        pulse();
        assertThat(warnings).as("CSS warnings while the window started").isEmpty();

        clickWhenVisible(robot, "#light-theme");
        waitFor(10, () -> textNow(robot, "#light-theme").equals("Dark theme"));
        clickWhenVisible(robot, "#light-theme");
        waitFor(10, () -> textNow(robot, "#light-theme").equals("Light theme"));
        pulse();
        assertThat(warnings).as("CSS warnings while the theme switched").isEmpty();
    }

    /** Returns once the FX thread has run everything queued before, a CSS pass of the shown window included. */
    private static void pulse() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> Platform.runLater(() -> done.complete(null)));
        done.get(30, TimeUnit.SECONDS);
    }
}
