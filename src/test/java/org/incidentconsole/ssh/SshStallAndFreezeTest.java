package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.testing.OpenSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.StatusRecorder;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hosts that stop talking: after the banner (connect timeout) and once connected (keepalives). */
class SshStallAndFreezeTest {
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

    @ParameterizedTest(name = "connect timeout {0} ms")
    @CsvSource({"700, 700 ms", "1500, 1.5 s"})
    void a_host_that_sends_its_banner_then_stalls_fails_at_the_connect_timeout_the_message_names(
            long timeoutMs, String said) throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket stall = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            kit.io.execute(() -> {
                while (!stall.isClosed()) {
                    try {
                        Socket s = stall.accept();
                        held.add(s);
                        s.getOutputStream().write("SSH-2.0-Stall\r\n".getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            SshConnection c = kit.connections(SshKit.FAST.withConnectTimeout(Duration.ofMillis(timeoutMs)),
                    kit.keys(null), null, PassphrasePrompt.NONE)
                    .connection(SshKit.host("stall", stall.getLocalPort(), null));

            long started = System.nanoTime();
            Throwable failure = null;
            try {
                c.connect().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.printf("banner then stall, connect timeout %d ms: failed after %d ms%n", timeoutMs, tookMs);

            assertThat(failure).isInstanceOf(SshException.class);
            assertThat(failure.getMessage()).isEqualTo("stall (127.0.0.1:" + stall.getLocalPort() + ") sent its SSH"
                    + " banner (Stall) but did not finish the key exchange within " + said);
            assertThat(c.status().state()).isEqualTo(ConnectionState.FAILED);
            assertThat(tookMs).as("well under sshj's own 30 s wait").isLessThan(3 * timeoutMs);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void a_connected_host_that_freezes_is_reported_lost_after_its_unanswered_keepalives() throws Exception {
        Path key = TestKeys.generate(dir, "id_ed25519");
        int intervalS = 1;
        int count = 2;
        try (OpenSshServer sshd = OpenSshServer.start(Files.createDirectory(dir.resolve("sshd")),
                TestKeys.publicKey(key))) {
            SshConnection c = kit.connections(SshKit.FAST.withKeepAlive(Duration.ofSeconds(intervalS), count),
                    kit.keys(null), null, PassphrasePrompt.NONE).connection(SshKit.host("frozen", sshd.port(), key));
            StatusRecorder statuses = new StatusRecorder();
            c.addListener(statuses);
            c.connect().get(30, TimeUnit.SECONDS);
            statuses.await(ConnectionState.CONNECTED);
            int connectedAt = statuses.size();

            sshd.freeze();
            long frozen = System.nanoTime();
            ConnectionStatus lost = statuses.await(connectedAt, s -> s.state() != ConnectionState.CONNECTED,
                    Duration.ofSeconds(60));
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozen);
            System.out.printf("frozen host, keepalive %d s x %d: CONNECTED -> %s after %d ms%n", intervalS, count,
                    lost.state(), tookMs);

            assertThat(lost.state()).isEqualTo(ConnectionState.DISCONNECTED);
            assertThat(lost.reason()).startsWith("connection lost: ").contains(count * intervalS + " seconds");
            assertThat(c.isConnected()).isFalse();
            assertThat(tookMs).as("interval x (count + 1) plus slack, not 90 s")
                    .isLessThan(3_000L * intervalS * (count + 1));
            c.close();
        }
    }
}
