package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.testing.OpenSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Host certificates made by {@code ssh-keygen -s} and served by a real OpenSSH sshd (HostCertificate), trusted
 * through an {@code @cert-authority} line: accepted with no prompt, or refused for the reason OpenSSH would
 * refuse them. The operator is never asked to trust a key in any of these cases.
 */
class HostCertificateOpenSshTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;
    SshKit kit;
    Path clientKey;
    Path ca;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        kit.trustUnknown = false;
        clientKey = TestKeys.generate(dir, "id_ed25519");
        ca = TestKeys.generate(dir, "host_ca", "ed25519", "", "OPENSSH");
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    /**
     * @param principals ssh-keygen -n; {@code validity} ssh-keygen -V; {@code kind} "host" (-h) or "user";
     * {@code revoke} which key a {@code @revoked} line names ("-", "host", "ca"); {@code expected} "connected" or
     * words of the refusal
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ed25519 certificate for the address | ed25519 | 127.0.0.1         | -5m:+1h           | host | -    | connected
            RSA certificate (rsa-sha2-512-cert) | rsa     | 127.0.0.1         | -5m:+1h           | host | -    | connected
            certificate for the inventory name  | ed25519 | web-*,db-01       | -5m:+1h           | host | -    | connected
            wrong principal                     | ed25519 | db-07.example.com | -5m:+1h           | host | -    | it is for db-07.example.com, not for 127.0.0.1 or web-01
            expired                             | ed25519 | 127.0.0.1         | 20200101:20200102 | host | -    | it expired at 2020-01-02
            not valid yet                       | ed25519 | 127.0.0.1         | +1d:+2d           | host | -    | it is not valid before
            a user certificate as host key      | ed25519 | 127.0.0.1         | -5m:+1h           | user | -    | it is a user certificate, not a host certificate
            host key revoked                    | ed25519 | 127.0.0.1         | -5m:+1h           | host | host | is REVOKED
            CA revoked                          | ed25519 | 127.0.0.1         | -5m:+1h           | host | ca   | is REVOKED
            """)
    void a_host_certificate_from_a_trusted_ca_is_accepted_or_refused_without_a_prompt(String name, String type,
            String principals, String validity, String kind, String revoke, String expected) throws Exception {
        Path server = Files.createDirectories(dir.resolve("sshd"));
        Path hostKey = TestKeys.generate(server, "ssh_host_" + type + "_key", type, "", "OPENSSH");
        List<String> sign = new ArrayList<>(List.of(TestKeys.tool("ssh-keygen", "openssh-client"), "-q", "-s",
                ca.toString(), "-I", "test-host", "-n", principals, "-V", validity));
        if (kind.equals("host")) {
            sign.add("-h");
        }
        sign.add(TestKeys.publicKey(hostKey).toString());
        TestKeys.run(sign);
        Path cert = server.resolve("ssh_host_" + type + "_key-cert.pub");
        try (OpenSshServer sshd = OpenSshServer.start(server, TestKeys.publicKey(clientKey), List.of(),
                List.of("HostKey " + hostKey, "HostCertificate " + cert))) {
            Path knownHosts = dir.resolve("known_hosts");
            List<String> lines = new ArrayList<>(List.of("@cert-authority [127.0.0.1]:" + sshd.port() + " "
                    + Files.readString(TestKeys.publicKey(ca)).trim()));
            if (!revoke.equals("-")) {
                Path revoked = revoke.equals("ca") ? TestKeys.publicKey(ca) : TestKeys.publicKey(hostKey);
                lines.add("@revoked * " + Files.readString(revoked).trim());
            }
            Files.write(knownHosts, lines);
            Host host = SshKit.host("web-01", sshd.port(), clientKey);
            SshConnection c = kit.connections(SshKit.FAST, kit.keys(knownHosts), null, PassphrasePrompt.NONE)
                    .connection(host);

            if (expected.equals("connected")) {
                c.connect().get(30, TimeUnit.SECONDS);
                assertThat(c.isConnected()).isTrue();
            } else {
                assertThatThrownBy(() -> c.connect().get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(
                        SshException.class);
                assertThat(c.status().state()).isEqualTo(ConnectionState.FAILED);
                assertThat(c.status().reason()).contains(expected);
                assertThat(c.isConnected()).isFalse();
            }
            assertThat(kit.asked).as("no trust prompt").isEmpty();
            assertThat(Files.exists(kit.appKnownHosts)).as("nothing trusted on the side").isFalse();
        }
    }
}
