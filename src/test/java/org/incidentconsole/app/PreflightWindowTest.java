package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.text;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;
import static org.incidentconsole.testing.FxScreen.waitForText;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.incidentconsole.ssh.ConnectionState;
import org.incidentconsole.ssh.HostKeyStore;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.OpenSshServer;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.ui.common.FxHostKeyPrompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's Check all hosts and SSH settings, headless: a MINA host, an OpenSSH host the inventory names by
 * an ssh_config alias, and a dead port. Both host keys are known beforehand (the console's and the user's
 * known_hosts); the operator's ssh_config is user-home/.ssh/config.
 */
@ExtendWith(ApplicationExtension.class)
class PreflightWindowTest {
    @TempDir
    Path dir;
    MinaSshServer mina;
    OpenSshServer sshd;
    ConsoleServices services;
    int deadPort;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        Path key = TestKeys.generate(dir, "id_ed25519");
        mina = MinaSshServer.start(TestKeys.publicKey(key));
        sshd = OpenSshServer.start(Files.createDirectories(dir.resolve("sshd")), TestKeys.publicKey(key));
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        AppHome home = new AppHome(dir.resolve("home"));
        home.prepare();
        new HostKeyStore(null, home.knownHosts()).trust("127.0.0.1", mina.port(), mina.hostKey());
        Path ssh = Files.createDirectories(dir.resolve("user-home/.ssh"));
        Files.writeString(ssh.resolve("known_hosts"), "[127.0.0.1]:" + sshd.port() + " "
                + Files.readString(sshd.hostPublicKey()));
        Files.writeString(ssh.resolve("config"), """
                Host app-alias
                  HostName 127.0.0.1
                  Port %d
                  ConnectTimeout 9
                """.formatted(sshd.port()));
        Path inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, """
                environment: staging
                defaults:
                  user: %s
                  identity_files: [%s]
                  agent: false
                hosts:
                  - {name: web-01, address: 127.0.0.1, port: %d}
                  - {name: app-01, address: app-alias}
                  - {name: web-03, address: 127.0.0.1, port: %d}
                """.formatted(System.getProperty("user.name"), key, mina.port(), deadPort));
        services = new ConsoleServices(home, dir.resolve("user-home"), Map.of(), new FxHostKeyPrompt(() -> stage),
                PassphrasePrompt.NONE, SudoPasswordPrompt.NONE);
        MainWindowWiring.show(stage, services, inventory, false);
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
        mina.close();
        sshd.close();
    }

    @Test
    void check_all_hosts_fills_the_table_row_by_row_and_leaves_the_live_connection_and_the_incident_alone(
            FxRobot robot) throws Exception {
        waitFor(30, () -> robot.lookup("#state-web-03").tryQuery().isPresent());
        clickWhenVisible(robot, "#connect-web-01");
        waitForText(robot, "#state-web-01", "connected");

        clickWhenVisible(robot, "#check-all-hosts");
        waitFor(30, () -> robot.lookup("#preflight-dialog").tryQuery().isPresent());
        waitFor(90, () -> textNow(robot, "#preflight-status").endsWith("hosts ready for an incident."));

        assertThat(text(robot, "#preflight-status")).isEqualTo("2 of 3 hosts ready for an incident.");
        assertThat(textNow(robot, "#preflight-0-0")).isEqualTo("web-01");
        assertThat(textNow(robot, "#preflight-0-1")).isEqualTo("yes");
        assertThat(textNow(robot, "#preflight-0-2")).isEqualTo("known");
        assertThat(textNow(robot, "#preflight-0-3")).contains("ssh-ed25519");
        assertThat(textNow(robot, "#preflight-1-0")).isEqualTo("app-01");
        assertThat(textNow(robot, "#preflight-1-1")).isEqualTo("yes");
        assertThat(textNow(robot, "#preflight-1-7")).matches("[+-]?\\d+ s");
        assertThat(textNow(robot, "#preflight-2-0")).isEqualTo("web-03");
        assertThat(textNow(robot, "#preflight-2-1")).startsWith("no: ").contains(String.valueOf(deadPort));
        waitFor(30, () -> !robot.lookup("#check-all-hosts").queryAs(Button.class).isDisabled());

        // its own connections: the live one is still up, the others were never opened, no incident was started
        assertThat(textNow(robot, "#state-web-01")).isEqualTo("connected");
        assertThat(services.ssh().all()).allSatisfy(c -> assertThat(c.status().state()).isEqualTo(
                c.host().name().equals("web-01") ? ConnectionState.CONNECTED : ConnectionState.DISCONNECTED));
        assertThat(services.incidents().current()).isNull();
        assertThat(dir.resolve("home/incidents")).satisfiesAnyOf(
                d -> assertThat(d).doesNotExist(), d -> assertThat(d).isEmptyDirectory());
    }

    @ParameterizedTest(name = "{0}: {1} from {2}")
    @CsvSource(delimiter = '|', textBlock = """
            HostName            | 127.0.0.1                        | ssh_config
            Port                | SSHD_PORT                        | ssh_config
            User                | USER                             | inventory
            IdentityFile        | KEY                              | inventory
            ProxyJump           | none (direct)                    | default
            ProxyCommand        | none                             | default
            UserKnownHostsFile  | ~/.ssh/known_hosts and the console's known_hosts | default
            ConnectTimeout      | 9 s                              | ssh_config
            ServerAliveInterval | 5 s                              | default
            """)
    void the_ssh_settings_of_a_host_show_where_each_came_from(String setting, String value, String origin,
                                                              FxRobot robot) throws Exception {
        waitFor(30, () -> robot.lookup("#state-app-01").tryQuery().isPresent());
        clickWhenVisible(robot, "#ssh-settings-app-01");
        waitFor(30, () -> robot.lookup("#setting-origin-" + setting).tryQuery().isPresent());

        assertThat(textNow(robot, "#setting-value-" + setting)).isEqualTo(value
                .replace("SSHD_PORT", String.valueOf(sshd.port())).replace("USER", System.getProperty("user.name"))
                .replace("KEY", dir.resolve("id_ed25519").toString()));
        assertThat(textNow(robot, "#setting-origin-" + setting)).startsWith(origin);
    }
}
