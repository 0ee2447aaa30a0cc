package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SshAgentAndTimeoutTest {
    @TempDir
    Path dir;
    SshKit kit;

    @BeforeEach
    void setUp() {
        kit = new SshKit(dir);
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @ParameterizedTest(name = "{0} key held by ssh-agent")
    @ValueSource(strings = {"ed25519", "rsa", "ecdsa"})
    void keys_held_by_ssh_agent_authenticate_without_any_identity_file(String type) throws Exception {
        Path key = TestKeys.generate(dir, "id_agent_" + type, type, "", "OPENSSH");
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder(TestKeys.tool("ssh-agent", "openssh-client"), "-D", "-a",
                socket.toString()).redirectErrorStream(true).start();
        try {
            // ssh-agent prints its SSH_AUTH_SOCK line once the socket listens
            var agentOut = new BufferedReader(new InputStreamReader(agent.getInputStream()));
            String line;
            while ((line = agentOut.readLine()) != null && !line.startsWith("SSH_AUTH_SOCK=")) {
                assertThat(agent.isAlive()).as("ssh-agent running: " + line).isTrue();
            }
            assertThat(line).as("ssh-agent announced its socket").isNotNull();
            ProcessBuilder add = new ProcessBuilder(TestKeys.tool("ssh-add", "openssh-client"), key.toString())
                    .redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process p = add.start();
            String said = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("ssh-add: " + said).isTrue();
            Files.delete(key);

            try (MinaSshServer server = MinaSshServer.start(TestKeys.publicKey(key))) {
                kit.trust(server);
                SshConnections connections = kit.connections(SshKit.FAST, kit.keys(null), socket,
                        PassphrasePrompt.NONE);
                SshConnection c = connections.connection(SshKit.agentHost("web-01", server.port()));
                c.connect().get(30, TimeUnit.SECONDS);
                assertThat(c.isConnected()).isTrue();
            }
        } finally {
            agent.destroy();
        }
    }

    @Test
    void a_port_that_accepts_but_never_speaks_ssh_fails_within_the_timeout_and_delays_no_other_host()
            throws Exception {
        Path key = TestKeys.generate(dir, "id_ed25519");
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket mute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             MinaSshServer good = MinaSshServer.start(TestKeys.publicKey(key))) {
            kit.io.execute(() -> {
                while (!mute.isClosed()) {
                    try {
                        held.add(mute.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            kit.trust(good);
            SshConnections connections = kit.connections(SshKit.FAST.withConnectTimeout(Duration.ofSeconds(1)),
                    kit.keys(null), null, PassphrasePrompt.NONE);
            var muteHost = SshKit.host("mute", mute.getLocalPort(), key);
            var goodHost = SshKit.host("good", good.port(), key);

            Map<String, RemoteCommand> running = connections.runOnAll(List.of(muteHost, goodHost), "echo hi",
                    Duration.ofSeconds(30), OutputListener.IGNORE);

            ExecResult fine = running.get("good").result().get(30, TimeUnit.SECONDS);
            assertThat(fine.outcome()).isEqualTo(ExecOutcome.OK);
            ExecResult muteResult = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> running.get("mute").result().get());
            assertThat(muteResult.outcome()).isEqualTo(ExecOutcome.FAILED);
            assertThat(muteResult.reason()).contains("no SSH answer from 127.0.0.1:" + mute.getLocalPort()
                    + " within 1 s");
            assertThat(connections.connection(muteHost).status().state()).isEqualTo(ConnectionState.FAILED);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void a_failed_connect_reports_through_the_future_too() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SshConnection c = kit.connections().connection(SshKit.host("x", closedPort, null));
        try {
            c.connect().get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected failure");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(SshException.class);
        }
    }
}
