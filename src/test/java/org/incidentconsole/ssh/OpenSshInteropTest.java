package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.testing.OpenSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSshInteropTest {
    Path dir;
    SshKit kit;
    OpenSshServer sshd;
    Path key;
    SshConnection connection;

    @BeforeAll
    void startSshd(@TempDir Path tmp) throws Exception {
        dir = tmp;
        kit = new SshKit(dir);
        key = TestKeys.generate(dir, "id_ed25519");
        sshd = OpenSshServer.start(dir, TestKeys.publicKey(key));
        connection = kit.connections().connection(SshKit.host("openssh", sshd.port(), key));
        connection.connect().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    void stopSshd() throws Exception {
        if (kit != null) {
            kit.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void strict_checking_shows_the_fingerprint_openssh_itself_computes_then_remembers_the_key() throws Exception {
        assertThat(kit.asked).singleElement().satisfies(k -> {
            assertThat(k.keyType()).isEqualTo("ssh-ed25519");
            assertThat(k.fingerprint()).isEqualTo(sshd.fingerprintBySshKeygen());
        });
        SshConnection second = kit.connections().connection(SshKit.host("openssh", sshd.port(), key));
        second.connect().get(30, TimeUnit.SECONDS);
        assertThat(second.isConnected()).isTrue();
        assertThat(kit.asked).as("no second prompt").hasSize(1);
        second.close();
    }

    @Test
    void exec_streams_both_outputs_and_the_exit_status() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();
        ExecResult r = connection.run("id -un; echo oops >&2; echo second; exit 4", Duration.ofSeconds(30),
                (host, stream, line) -> (stream == StreamKind.STDOUT ? out : err).add(line))
                .result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).isEqualTo(ExecOutcome.FAILED);
        assertThat(r.exitStatus()).isEqualTo(4);
        assertThat(out).containsExactly(System.getProperty("user.name"), "second");
        assertThat(err).containsExactly("oops");
    }

    /**
     * OpenSSH refuses the INT signal request for root logins (no post-auth privilege separation), so this
     * test, which CI runs as root, relies on the other half of cancel: the closed channel makes the next write
     * of a command that streams output fail, and it ends.
     */
    @Test
    void cancel_ends_a_streaming_command_on_the_openssh_host() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<String> out = new CopyOnWriteArrayList<>();
        RemoteCommand rc = connection.run("echo $$; while echo tick; do sleep 0.2; done", Duration.ofSeconds(60), (h, s, line) -> {
            if (s == StreamKind.STDOUT) {
                out.add(line);
                started.countDown();
            }
        });
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        long pid = Long.parseLong(out.get(0).trim());

        rc.cancel();

        assertThat(rc.result().get(30, TimeUnit.SECONDS).outcome()).isEqualTo(ExecOutcome.CANCELLED);
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            handle.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_local_port_forward_through_openssh_reaches_a_loopback_service_of_the_host() throws Exception {
        try (ServerSocket service = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            kit.io.execute(() -> {
                try (Socket s = service.accept();
                     BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                     PrintWriter w = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                    w.println("+" + r.readLine());
                } catch (IOException e) {
                    // the test fails on its read below
                }
            });
            PortForward forward = connection.forward("127.0.0.1", service.getLocalPort());
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), forward.localPort());
                 PrintWriter w = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
                 BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                w.println("PING");
                assertThat(r.readLine()).isEqualTo("+PING");
            } finally {
                forward.close();
            }
        }
    }
}
