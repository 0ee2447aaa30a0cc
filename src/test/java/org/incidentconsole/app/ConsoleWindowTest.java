package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.text;
import static org.incidentconsole.testing.FxScreen.waitFor;
import static org.incidentconsole.testing.FxScreen.waitForText;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.incidentconsole.ssh.KeyFingerprint;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.ui.common.FxHostKeyPrompt;
import org.incidentconsole.ui.hosts.HostItemViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the real main window headless: reads the host list, connects, answers the host-key dialog. */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowTest {
    @TempDir
    Path dir;
    MinaSshServer server;
    ConsoleServices services;
    int closedPort;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        this.stage = stage;
        Path key = TestKeys.generate(dir, "id_ed25519");
        server = MinaSshServer.start(TestKeys.publicKey(key));
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, """
                environment: staging
                defaults:
                  user: %s
                  identity_files: [%s]
                  agent: false
                hosts:
                  - {name: web-01, address: 127.0.0.1, port: %d, tags: [web]}
                  - {name: web-02, address: 127.0.0.1, port: %d}
                """.formatted(System.getProperty("user.name"), key, server.port(), closedPort));
        services = new ConsoleServices(new AppHome(dir.resolve("home")), dir.resolve("user-home"), Map.of(),
                new FxHostKeyPrompt(() -> stage), PassphrasePrompt.NONE, SudoPasswordPrompt.NONE);
        MainWindowWiring.show(stage, services, inventory, false);
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
        server.close();
    }

    @Test
    void the_window_lists_the_inventory_hosts_and_connects_one_after_the_operator_trusts_its_key(FxRobot robot)
            throws Exception {
        ListView<HostItemViewModel> list = robot.lookup("#host-list").queryListView();
        waitFor(30, () -> list.getItems().size() == 2);
        waitFor(30, () -> robot.lookup("#state-web-02").tryQuery().isPresent());
        assertThat(list.getItems()).extracting(HostItemViewModel::name).containsExactly("web-01", "web-02");
        assertThat(text(robot, ".environment-badge")).isEqualTo("STAGING");
        assertThat(stage.getIcons()).as("the installers' icon on the window").singleElement()
                .matches(icon -> !icon.isError() && icon.getWidth() == 256, "a 256 px image that loaded");
        assertThat(text(robot, "#state-web-01")).isEqualTo("not connected");

        clickWhenVisible(robot, "#connect-web-01");
        waitFor(30, () -> robot.lookup("#" + FxHostKeyPrompt.DIALOG_ID).tryQuery().isPresent());
        assertThat(robot.lookup("#host-key-fingerprint").queryAs(TextField.class).getText())
                .isEqualTo(KeyFingerprint.sha256(server.hostKey()));
        clickWhenVisible(robot, FxHostKeyPrompt.TRUST);

        waitForText(robot, "#state-web-01", "connected");
        assertThat(text(robot, "#connection-summary"))
                .isEqualTo("1 of 2 hosts connected");
        assertThat(Files.readString(dir.resolve("home/known_hosts"))).contains("[127.0.0.1]:" + server.port());

        clickWhenVisible(robot, "#connect-web-02");
        waitForText(robot, "#state-web-02", "failed");
        assertThat(text(robot, "#reason-web-02"))
                .contains("connection refused by 127.0.0.1:" + closedPort);
    }

    @Test
    void refusing_an_unknown_key_leaves_the_host_unconnected_with_the_reason_shown(FxRobot robot) throws Exception {
        ListView<HostItemViewModel> list = robot.lookup("#host-list").queryListView();
        waitFor(30, () -> list.getItems().size() == 2);
        waitFor(30, () -> robot.lookup("#state-web-02").tryQuery().isPresent());

        clickWhenVisible(robot, "Connect all");
        waitFor(30, () -> robot.lookup("#" + FxHostKeyPrompt.DIALOG_ID).tryQuery().isPresent());
        clickWhenVisible(robot, FxHostKeyPrompt.REFUSE);

        waitForText(robot, "#state-web-01", "failed");
        assertThat(text(robot, "#reason-web-01")).contains("was not trusted");
        assertThat(dir.resolve("home/known_hosts")).doesNotExist();
    }
}
