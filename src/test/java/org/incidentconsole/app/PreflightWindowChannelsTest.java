package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import javafx.stage.Stage;
import org.incidentconsole.ssh.HostKeyStore;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.ui.common.FxHostKeyPrompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Check all hosts in the window also lists each notify channel with whether its secrets are set (names only). */
@ExtendWith(ApplicationExtension.class)
class PreflightWindowChannelsTest {
    private static final String UNSET = "H21_UNSET_" + UUID.randomUUID().toString().replace("-", "_");

    @TempDir
    Path dir;
    MinaSshServer mina;
    ConsoleServices services;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        Path key = TestKeys.generate(dir, "id_ed25519");
        mina = MinaSshServer.start(TestKeys.publicKey(key));
        AppHome home = new AppHome(dir.resolve("home"));
        home.prepare();
        new HostKeyStore(null, home.knownHosts()).trust("127.0.0.1", mina.port(), mina.hostKey());
        Path inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, """
                environment: staging
                defaults: {user: %s, identity_files: [%s], agent: false}
                hosts:
                  - {name: web-01, address: 127.0.0.1, port: %d}
                notify:
                  channels:
                    ops: {type: slack, url_env: PATH}
                    leads: {type: teams, url_env: %s}
                """.formatted(System.getProperty("user.name"), key, mina.port(), UNSET));
        services = new ConsoleServices(home, dir.resolve("user-home"), Map.of(), new FxHostKeyPrompt(() -> stage),
                PassphrasePrompt.NONE, SudoPasswordPrompt.NONE);
        MainWindowWiring.show(stage, services, inventory, false);
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
        mina.close();
    }

    @Test
    void each_channel_has_a_row_saying_which_variables_are_set_without_their_values(FxRobot robot) throws Exception {
        waitFor(30, () -> robot.lookup("#state-web-01").tryQuery().isPresent());

        clickWhenVisible(robot, "#check-all-hosts");
        waitFor(90, () -> textNow(robot, "#preflight-status").endsWith("secrets set."));

        assertThat(textNow(robot, "#preflight-0-0")).isEqualTo("web-01");
        assertThat(textNow(robot, "#preflight-1-0")).isEqualTo("notify ops");
        assertThat(textNow(robot, "#preflight-1-1")).isEqualTo("slack (not contacted)");
        assertThat(textNow(robot, "#preflight-1-3")).isEqualTo("set ($PATH)").doesNotContain(System.getenv("PATH"));
        assertThat(textNow(robot, "#preflight-2-0")).isEqualTo("notify leads");
        assertThat(textNow(robot, "#preflight-2-3")).isEqualTo("not set: $" + UNSET);
        assertThat(textNow(robot, "#preflight-status")).as("a channel is not counted as a host")
                .isEqualTo("1 of 1 hosts ready for an incident. 1 of 2 channels have their secrets set.");
    }
}
