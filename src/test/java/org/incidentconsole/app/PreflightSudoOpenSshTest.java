package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Environment;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SshAuth;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.testing.OpenSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.SudoTestUser;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preflight against a real OpenSSH sshd and a real sudo whose sudoers entry needs the user's password. */
class PreflightSudoOpenSshTest {
    @TempDir
    Path dir;
    SshKit kit;
    OpenSshServer sshd;
    Path key;
    SshConnections ssh;
    final RefusingKeyRecorder keys = new RefusingKeyRecorder();

    @BeforeEach
    void setUp() throws Exception {
        SudoTestUser.prepare();
        Path server = Files.createDirectories(dir.resolve("sshd"));
        key = TestKeys.generate(dir, "id_ed25519");
        sshd = OpenSshServer.start(server, TestKeys.publicKey(key));
        SudoTestUser.allowLogin(server);
        kit = new SshKit(dir);
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + sshd.port() + " " + Files.readString(sshd.hostPublicKey()));
        ssh = new SshConnections(SshKit.FAST, kit.keys(knownHosts), new SshAuth(null, dir.resolve("no-ssh-dir"),
                PassphrasePrompt.NONE), keys, kit.io, kit.scheduler);
    }

    @AfterEach
    void tearDown() throws Exception {
        ssh.close();
        kit.close();
        sshd.close();
    }

    @Test
    void sudo_that_needs_a_password_is_reported_and_does_not_fail_the_host() {
        Host host = new Host("web-01", "127.0.0.1", sshd.port(), SudoTestUser.NAME, List.of(key), false, List.of(),
                null, null, null, BreakerSettings.defaults(), List.of(), Map.of());
        List<PreflightRow> rows = new Preflight(ssh, keys, Map.of(), Clock.systemUTC())
                .run(new Inventory(dir.resolve("inventory.yaml"), Environment.values()[0], List.of(host)));
        PreflightRow row = rows.get(0);
        assertThat(row.hostKey()).as(row.toString()).isEqualTo("known");
        assertThat(row.sudo()).isEqualTo("needs a password");
        assertThat(row.ok()).isTrue();
    }
}
