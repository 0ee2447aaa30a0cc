package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.SshKit.host;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.StatusRecorder;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SshConnectTest {
    @TempDir
    Path dir;
    SshKit kit;
    Path key;
    MinaSshServer server;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        key = TestKeys.generate(dir, "id_ed25519");
        server = MinaSshServer.start(TestKeys.publicKey(key));
    }

    @AfterEach
    void tearDown() throws Exception {
        kit.close();
        if (server != null) {
            server.close();
        }
    }

    private Throwable connectFailure(SshConnection c) {
        try {
            c.connect().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause() : e;
        }
        throw new AssertionError("expected the connection to fail");
    }

    @Test
    void an_unknown_host_key_is_shown_with_its_sha256_fingerprint_and_saved_when_trusted() throws Exception {
        SshConnection c = kit.connections().connection(host("web-01", server.port(), key));
        StatusRecorder states = new StatusRecorder();
        c.addListener(states);

        c.connect().get(30, TimeUnit.SECONDS);

        assertThat(c.status().state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(states.states()).containsSubsequence(ConnectionState.DISCONNECTED, ConnectionState.CONNECTING,
                ConnectionState.CONNECTED);
        assertThat(kit.asked).singleElement().satisfies(k -> {
            assertThat(k.hostName()).isEqualTo("web-01");
            assertThat(k.keyType()).isEqualTo("ecdsa-sha2-nistp256");
            assertThat(k.fingerprint()).isEqualTo(KeyFingerprint.sha256(server.hostKey()))
                    .matches("SHA256:[A-Za-z0-9+/]{43}");
        });
        assertThat(Files.readString(kit.appKnownHosts)).startsWith("[127.0.0.1]:" + server.port() + " ecdsa-sha2-nistp256 ");

        SshConnection again = kit.connections().connection(host("web-01", server.port(), key));
        again.connect().get(30, TimeUnit.SECONDS);
        assertThat(kit.asked).as("a trusted key is not asked about twice").hasSize(1);
    }

    @Test
    void an_unknown_host_key_the_operator_rejects_is_not_connected_and_not_saved() {
        kit.trustUnknown = false;
        SshConnection c = kit.connections().connection(host("web-01", server.port(), key));

        Throwable failure = connectFailure(c);

        assertThat(failure).isInstanceOf(SshException.class).hasMessageContaining("was not trusted");
        assertThat(c.status().state()).isEqualTo(ConnectionState.FAILED);
        assertThat(c.status().reason()).contains(KeyFingerprint.sha256(server.hostKey()));
        assertThat(kit.appKnownHosts).doesNotExist();
    }

    @Test
    void a_changed_host_key_is_refused_with_both_fingerprints_and_no_prompt() throws Exception {
        var other = org.apache.sshd.common.config.keys.KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        kit.keys(null).trust("127.0.0.1", server.port(), other.getPublic());
        SshConnection c = kit.connections().connection(host("web-01", server.port(), key));

        Throwable failure = connectFailure(c);

        assertThat(failure).isInstanceOf(HostKeyMismatchException.class);
        HostKeyMismatchException mismatch = (HostKeyMismatchException) failure;
        assertThat(mismatch.knownFingerprints()).containsExactly(KeyFingerprint.sha256(other.getPublic()));
        assertThat(mismatch.presentedFingerprint()).isEqualTo(KeyFingerprint.sha256(server.hostKey()));
        assertThat(c.status().state()).isEqualTo(ConnectionState.FAILED);
        assertThat(c.status().reason()).contains("HOST KEY CHANGED", KeyFingerprint.sha256(other.getPublic()),
                KeyFingerprint.sha256(server.hostKey()));
        assertThat(kit.asked).isEmpty();
    }

    @Test
    void hashed_entries_in_the_users_known_hosts_are_read_and_that_file_is_never_written() throws Exception {
        Path userKnownHosts = dir.resolve("user_known_hosts");
        Files.writeString(userKnownHosts, "[127.0.0.1]:" + server.port() + " "
                + KeyFingerprint.keyField(server.hostKey()) + "\n");
        TestKeys.run(List.of(TestKeys.tool("ssh-keygen", "openssh-client"), "-H", "-f", userKnownHosts.toString()));
        String hashed = Files.readString(userKnownHosts);
        assertThat(hashed).startsWith("|1|");

        SshConnections connections = kit.connections(SshKit.FAST, kit.keys(userKnownHosts), null,
                PassphrasePrompt.NONE);
        connections.connection(host("web-01", server.port(), key)).connect().get(30, TimeUnit.SECONDS);

        assertThat(kit.asked).isEmpty();
        assertThat(Files.readString(userKnownHosts)).isEqualTo(hashed);
        assertThat(kit.appKnownHosts).doesNotExist();
    }

    @ParameterizedTest(name = "{0} key in {1} format")
    @CsvSource({"ed25519, OPENSSH", "ecdsa, OPENSSH", "rsa, OPENSSH", "ecdsa, PEM", "rsa, PEM"})
    void identity_files_of_every_common_type_and_format_authenticate(String type, String format) throws Exception {
        Path k = TestKeys.generate(dir, "id_" + type + "_" + format, type, "", format);
        try (MinaSshServer s = MinaSshServer.start(TestKeys.publicKey(k))) {
            kit.trust(s);
            SshConnection c = kit.connections().connection(host("h", s.port(), k));
            c.connect().get(30, TimeUnit.SECONDS);
            assertThat(c.isConnected()).isTrue();
        }
    }

    @Test
    void a_passphrase_is_asked_once_retried_when_wrong_and_then_held_in_memory() throws Exception {
        Path k = TestKeys.generate(dir, "id_locked", "ed25519", "correct horse", "OPENSSH");
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        PassphrasePrompt prompt = (file, attempt) -> {
            assertThat(file).isEqualTo(k);
            attempts.add(attempt);
            return (attempt == 1 ? "wrong" : "correct horse").toCharArray();
        };
        try (MinaSshServer s = MinaSshServer.start(TestKeys.publicKey(k))) {
            kit.trust(s);
            SshConnections connections = kit.connections(SshKit.FAST, kit.keys(null), null, prompt);
            SshConnection c = connections.connection(host("h", s.port(), k));
            c.connect().get(30, TimeUnit.SECONDS);
            assertThat(attempts).containsExactly(1, 2);

            c.disconnect();
            c.connect().get(30, TimeUnit.SECONDS);
            assertThat(c.isConnected()).isTrue();
            assertThat(attempts).as("the passphrase is remembered in memory").containsExactly(1, 2);
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .noneMatch(name -> name.contains("pass"));
    }

    @Test
    void a_key_the_server_does_not_accept_fails_with_a_plain_reason() throws Exception {
        Path stranger = TestKeys.generate(dir, "id_stranger");
        kit.trust(server);
        SshConnection c = kit.connections().connection(host("web-01", server.port(), stranger));

        Throwable failure = connectFailure(c);

        assertThat(failure).hasMessageContaining("authentication refused for '" + System.getProperty("user.name") + "'")
                .hasMessageContaining(stranger.toString());
        assertThat(c.status().state()).isEqualTo(ConnectionState.FAILED);
    }

    @Test
    void a_refused_port_fails_with_a_plain_reason() throws Exception {
        int closedPort;
        try (var s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SshConnection c = kit.connections().connection(host("gone", closedPort, key));
        assertThat(connectFailure(c)).hasMessageContaining("connection refused by 127.0.0.1:" + closedPort);
        assertThat(c.status().state()).isEqualTo(ConnectionState.FAILED);
    }

    @Test
    void a_command_on_a_host_that_cannot_be_reached_is_reported_as_not_run() throws Exception {
        int closedPort;
        try (var s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ExecResult r = kit.connections().connection(host("gone", closedPort, key))
                .run("true", Duration.ofSeconds(5), OutputListener.IGNORE).result().get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(ExecOutcome.FAILED);
        assertThat(r.reason()).startsWith("not run: connection refused");
    }

    @Test
    void connect_after_close_is_refused() {
        SshConnection c = kit.connections().connection(host("web-01", server.port(), key));
        c.close();
        assertThat(c.connect()).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class)
                .withMessageContaining("closed");
    }
}
