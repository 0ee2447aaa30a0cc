package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.incidentconsole.testing.OpenSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * User certificates made by {@code ssh-keygen -s}, accepted by a real OpenSSH sshd that trusts only the CA
 * (TrustedUserCAKeys; the client's key is in no authorized_keys): from {@code <key>-cert.pub} beside the identity
 * file and from ssh-agent. OpenSSH 9 refuses SHA-1 RSA certificate signatures, so an RSA certificate is accepted
 * only when signed with rsa-sha2-512.
 */
class UserCertificateOpenSshTest {
    @TempDir
    Path dir;
    SshKit kit;
    Path ca;
    OpenSshServer sshd;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        ca = TestKeys.generate(dir, "user_ca", "ed25519", "", "OPENSSH");
        Path stranger = TestKeys.generate(dir, "id_stranger");
        Path server = Files.createDirectories(dir.resolve("sshd"));
        sshd = OpenSshServer.start(server, TestKeys.publicKey(stranger), List.of("ed25519"),
                List.of("TrustedUserCAKeys " + TestKeys.publicKey(ca)));
    }

    @AfterEach
    void tearDown() throws Exception {
        sshd.close();
        kit.close();
    }

    private Path certifiedKey(String type, String principal) throws Exception {
        Path key = TestKeys.generate(dir, "id_" + type, type, "", "OPENSSH");
        TestKeys.run(List.of(TestKeys.tool("ssh-keygen", "openssh-client"), "-q", "-s", ca.toString(), "-I",
                "operator", "-n", principal, "-V", "-5m:+1h", TestKeys.publicKey(key).toString()));
        assertThat(Path.of(key + "-cert.pub")).exists();
        return key;
    }

    @ParameterizedTest(name = "{0} certificate beside the identity file")
    @CsvSource({"ed25519", "rsa", "ecdsa"})
    void a_certificate_beside_the_identity_file_is_accepted_by_a_server_that_trusts_the_ca(String type)
            throws Exception {
        Path key = certifiedKey(type, System.getProperty("user.name"));
        SshConnection c = kit.connections().connection(SshKit.host("web-01", sshd.port(), key));

        c.connect().get(30, TimeUnit.SECONDS);

        assertThat(c.isConnected()).isTrue();
        assertThat(c.status().recorded()).contains("-cert-v01@openssh.com");
        // sshd's log line can arrive after the client has heard "success"
        assertThat(sshd.awaitLog(0, Pattern.compile("Accepted publickey for "
                + System.getProperty("user.name") + ".*ID operator"), Duration.ofSeconds(30)))
                .contains("Accepted publickey for " + System.getProperty("user.name")).contains("ID operator");
    }

    @ParameterizedTest(name = "{0} certificate for someone else")
    @CsvSource({"ed25519", "rsa"})
    void a_certificate_for_another_principal_is_refused(String type) throws Exception {
        Path key = certifiedKey(type, "somebody-else");
        SshConnection c = kit.connections().connection(SshKit.host("web-01", sshd.port(), key));

        assertThatThrownBy(() -> c.connect().get(30, TimeUnit.SECONDS))
                .hasMessageContaining("authentication refused");
    }

    @ParameterizedTest(name = "{0} certificate held by ssh-agent")
    @CsvSource({"rsa", "ed25519"})
    void a_certificate_held_by_ssh_agent_is_accepted_rsa_signed_with_sha2(String type) throws Exception {
        Path key = certifiedKey(type, System.getProperty("user.name"));
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder(TestKeys.tool("ssh-agent", "openssh-client"), "-D", "-a",
                socket.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream()));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("SSH_AUTH_SOCK=")) {
                assertThat(agent.isAlive()).as("ssh-agent running: " + line).isTrue();
            }
            ProcessBuilder add = new ProcessBuilder(TestKeys.tool("ssh-add", "openssh-client"), key.toString())
                    .redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process p = add.start();
            String said = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("ssh-add: " + said).isTrue();
            assertThat(said).contains("Certificate added");
            Files.delete(key);

            SshConnection c = kit.connections(SshKit.FAST, kit.keys(null), socket, PassphrasePrompt.NONE)
                    .connection(SshKit.agentHost("web-01", sshd.port()));
            try {
                c.connect().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError("sshd said:\n" + sshd.log(), e);
            }

            assertThat(c.isConnected()).isTrue();
            assertThat(c.status().recorded()).contains("agent key ").contains("-cert-v01@openssh.com");
        } finally {
            agent.destroy();
        }
    }
}
