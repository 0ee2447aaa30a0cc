package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.HostRoute;
import org.incidentconsole.testing.OpenSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * User certificates named by the operator's ssh_config, against a real OpenSSH sshd that trusts only the user CA
 * (TrustedUserCAKeys; the client's key is in no authorized_keys): a CertificateFile kept away from its key, and a
 * {@code <key>-cert.pub} beside an IdentityFile that only ssh_config names. The inventory knows the host by its
 * alias alone.
 */
class CertificateFileOpenSshTest {
    @TempDir
    Path dir;
    SshKit kit;
    Path ca;
    OpenSshServer sshd;
    SshConnections connections;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        ca = TestKeys.generate(dir, "user_ca", "ed25519", "", "OPENSSH");
        Path stranger = TestKeys.generate(dir, "id_stranger");
        sshd = OpenSshServer.start(Files.createDirectories(dir.resolve("sshd")), TestKeys.publicKey(stranger),
                List.of("ed25519"), List.of("TrustedUserCAKeys " + TestKeys.publicKey(ca)));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (connections != null) {
            connections.close();
        }
        sshd.close();
        kit.close();
    }

    /** A key in keys/ and its certificate moved to certs/, so only a CertificateFile line can find it. */
    private Path[] keyWithDistantCertificate(String type) throws Exception {
        Path key = TestKeys.generate(Files.createDirectories(dir.resolve("keys")), "id_" + type, type, "", "OPENSSH");
        sign(key);
        Path cert = Files.createDirectories(dir.resolve("certs")).resolve(type + "-operator.pub");
        Files.move(Path.of(key + "-cert.pub"), cert);
        return new Path[] {key, cert};
    }

    private void sign(Path key) throws Exception {
        TestKeys.run(List.of(TestKeys.tool("ssh-keygen", "openssh-client"), "-q", "-s", ca.toString(), "-I",
                "operator", "-n", System.getProperty("user.name"), "-V", "-5m:+1h",
                TestKeys.publicKey(key).toString()));
    }

    private SshConnection alias(String config, Path agentSocket) throws Exception {
        Path file = dir.resolve("ssh_config");
        Files.writeString(file, String.join("\n", "Host web-01",
                "  HostName 127.0.0.1",
                "  Port " + sshd.port(),
                config, ""));
        connections = new SshConnections(SshKit.FAST, kit.keys(null), new SshAuth(agentSocket,
                dir.resolve("no-ssh-dir"), PassphrasePrompt.NONE), kit.prompt(), kit.io, kit.scheduler,
                new HostPaths(SshConfig.of(file), dir));
        Host host = new Host("web-01", "web-01", 22, System.getProperty("user.name"), List.of(), agentSocket != null,
                List.of(), null, null, null, BreakerSettings.defaults(), List.of(), Map.of(),
                new HostRoute(null, null, true, Set.of()));
        return connections.connection(host);
    }

    private void connects(SshConnection c) throws Exception {
        try {
            c.connect().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("sshd said:\n" + sshd.log(), e);
        }
        assertThat(c.isConnected()).isTrue();
        assertThat(c.status().recorded()).contains("-cert-v01@openssh.com");
        // sshd's log line can arrive after the client has heard "success"
        assertThat(sshd.awaitLog(0, Pattern.compile("Accepted publickey for "
                + System.getProperty("user.name") + ".*ID operator"), Duration.ofSeconds(30)))
                .contains("Accepted publickey for " + System.getProperty("user.name")).contains("ID operator");
    }

    @ParameterizedTest(name = "{0} CertificateFile")
    @CsvSource({"ed25519", "rsa"})
    void a_certificate_file_named_in_ssh_config_is_offered_with_its_identity_file(String type) throws Exception {
        Path[] kc = keyWithDistantCertificate(type);

        connects(alias("  IdentityFile " + kc[0] + "\n  CertificateFile " + kc[1], null));
    }

    @ParameterizedTest(name = "{0} key without its CertificateFile line")
    @CsvSource({"ed25519", "rsa"})
    void the_same_key_without_the_certificate_file_line_is_refused(String type) throws Exception {
        Path[] kc = keyWithDistantCertificate(type);
        SshConnection c = alias("  IdentityFile " + kc[0], null);

        assertThatThrownBy(() -> c.connect().get(30, TimeUnit.SECONDS)).hasMessageContaining("authentication refused");
    }

    @ParameterizedTest(name = "{0} certificate of another key")
    @CsvSource({"ed25519", "rsa"})
    void a_certificate_file_of_another_key_is_not_offered(String type) throws Exception {
        Path[] kc = keyWithDistantCertificate(type);
        Path other = TestKeys.generate(dir, "id_other_" + type, type, "", "OPENSSH");
        SshConnection c = alias("  IdentityFile " + other + "\n  CertificateFile " + kc[1], null);

        assertThatThrownBy(() -> c.connect().get(30, TimeUnit.SECONDS)).hasMessageContaining("authentication refused");
        assertThat(sshd.log()).doesNotContain("ID operator");
    }

    @ParameterizedTest(name = "{0} <key>-cert.pub beside an ssh_config IdentityFile")
    @CsvSource({"ed25519", "rsa"})
    void a_certificate_beside_an_identity_file_from_ssh_config_is_offered(String type) throws Exception {
        Path key = TestKeys.generate(Files.createDirectories(dir.resolve("keys")), "id_" + type, type, "", "OPENSSH");
        sign(key);

        connects(alias("  IdentityFile " + key, null));
    }

    @ParameterizedTest(name = "{0} CertificateFile for a key held by ssh-agent")
    @CsvSource({"ed25519", "rsa"})
    void a_certificate_file_is_signed_by_the_agent_holding_its_key_rsa_with_sha2(String type) throws Exception {
        Path[] kc = keyWithDistantCertificate(type);
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder(TestKeys.tool("ssh-agent", "openssh-client"), "-D", "-a",
                socket.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream()));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("SSH_AUTH_SOCK=")) {
                assertThat(agent.isAlive()).as("ssh-agent running: " + line).isTrue();
            }
            ProcessBuilder add = new ProcessBuilder(TestKeys.tool("ssh-add", "openssh-client"), kc[0].toString())
                    .redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process p = add.start();
            String said = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("ssh-add: " + said).isTrue();
            assertThat(said).doesNotContain("Certificate added");
            Files.delete(kc[0]);

            SshConnection c = alias("  CertificateFile " + kc[1], socket);
            connects(c);
            assertThat(c.status().recorded()).contains("agent key ");
        } finally {
            agent.destroy();
        }
    }
}
