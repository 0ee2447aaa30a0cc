package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.SshKit.host;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.StatusRecorder;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshExecTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    SshKit kit;
    Path key;
    MinaSshServer server;
    SshConnection connection;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        key = TestKeys.generate(dir, "id_ed25519");
        server = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(server);
        connection = kit.connections().connection(host("web-01", server.port(), key));
        connection.connect().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() throws Exception {
        kit.close();
        server.close();
    }

    record Line(StreamKind stream, String text) {
    }

    static final class Lines implements OutputListener {
        final List<Line> lines = new CopyOnWriteArrayList<>();
        final CountDownLatch first = new CountDownLatch(1);

        @Override
        public void line(String host, StreamKind stream, String text) {
            lines.add(new Line(stream, text));
            first.countDown();
        }

        List<String> of(StreamKind kind) {
            return lines.stream().filter(l -> l.stream() == kind).map(Line::text).toList();
        }
    }

    private static ExecResult await(RemoteCommand rc) throws Exception {
        return rc.result().get(60, TimeUnit.SECONDS);
    }

    @Test
    void stdout_and_stderr_arrive_line_by_line_with_the_exit_status() throws Exception {
        Lines out = new Lines();
        ExecResult r = await(connection.run("echo out-1; echo err-1 >&2; printf 'out-2\\nlast-no-newline'; exit 3",
                LONG, out));

        assertThat(r.outcome()).isEqualTo(ExecOutcome.FAILED);
        assertThat(r.exitStatus()).isEqualTo(3);
        assertThat(r.host()).isEqualTo("web-01");
        assertThat(out.of(StreamKind.STDOUT)).containsExactly("out-1", "out-2", "last-no-newline");
        assertThat(out.of(StreamKind.STDERR)).containsExactly("err-1");
    }

    @Test
    void exit_status_zero_is_ok_and_the_duration_is_measured() throws Exception {
        ExecResult r = await(connection.run("true", LONG, OutputListener.IGNORE));
        assertThat(r.outcome()).isEqualTo(ExecOutcome.OK);
        assertThat(r.exitStatus()).isZero();
        assertThat(r.duration()).isPositive();
    }

    @Test
    void many_commands_share_one_transport_as_separate_channels() throws Exception {
        List<RemoteCommand> running = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            running.add(connection.run("echo " + i, LONG, OutputListener.IGNORE));
        }
        for (RemoteCommand rc : running) {
            assertThat(await(rc).outcome()).isEqualTo(ExecOutcome.OK);
        }
        assertThat(server.activeSessions()).isEqualTo(1);
    }

    private static long remotePid(Lines out) throws InterruptedException {
        assertThat(out.first.await(30, TimeUnit.SECONDS)).as("the command printed its pid").isTrue();
        return Long.parseLong(out.of(StreamKind.STDOUT).get(0).trim());
    }

    private static void assertProcessEnds(long pid) throws Exception {
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            handle.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_command_past_its_time_limit_ends_as_TIMEOUT_and_the_remote_process_is_stopped() throws Exception {
        Lines out = new Lines();
        RemoteCommand rc = connection.run("echo $$; exec sleep 60", Duration.ofMillis(700), out);
        long pid = remotePid(out);

        ExecResult r = await(rc);

        assertThat(r.outcome()).isEqualTo(ExecOutcome.TIMEOUT);
        assertThat(r.reason()).contains("no result within");
        assertProcessEnds(pid);
    }

    @Test
    void cancel_ends_the_command_as_CANCELLED_and_stops_the_remote_process() throws Exception {
        Lines out = new Lines();
        RemoteCommand rc = connection.run("echo $$; exec sleep 60", LONG, out);
        long pid = remotePid(out);

        rc.cancel();
        ExecResult r = await(rc);

        assertThat(r.outcome()).isEqualTo(ExecOutcome.CANCELLED);
        assertProcessEnds(pid);
        assertThat(await(connection.run("echo still-usable", LONG, OutputListener.IGNORE)).outcome())
                .as("the connection survives a cancelled command").isEqualTo(ExecOutcome.OK);
    }

    @Test
    void a_connection_dropped_mid_command_gives_UNKNOWN_then_the_connection_comes_back() throws Exception {
        StatusRecorder states = new StatusRecorder();
        connection.addListener(states);
        Lines out = new Lines();
        RemoteCommand rc = connection.run("echo $$; sleep 60; echo done", LONG, out);
        remotePid(out);
        int before = states.size();

        server.dropAllSessions();
        ExecResult r = await(rc);

        assertThat(r.outcome()).isEqualTo(ExecOutcome.UNKNOWN);
        assertThat(r.reason()).contains("may or may not");
        ConnectionStatus lost = states.await(before, s -> s.state() == ConnectionState.DISCONNECTED, LONG);
        assertThat(lost.reason()).startsWith("connection lost").contains("reconnecting in");
        states.await(before, s -> s.state() == ConnectionState.CONNECTED, LONG);
        assertThat(await(connection.run("echo back", LONG, OutputListener.IGNORE)).outcome())
                .isEqualTo(ExecOutcome.OK);
    }

    @Test
    void twenty_hosts_in_parallel_one_hanging_the_others_report_without_waiting() throws Exception {
        List<MinaSshServer> servers = new ArrayList<>();
        List<Host> hosts = new ArrayList<>();
        MinaSshServer hung = MinaSshServer.hanging(TestKeys.publicKey(key));
        try {
            for (int i = 1; i <= 20; i++) {
                MinaSshServer s = i == 7 ? hung : MinaSshServer.start(TestKeys.publicKey(key));
                servers.add(s);
                kit.trust(s);
                hosts.add(host(String.format("web-%02d", i), s.port(), key));
            }
            SshConnections all = kit.connections();

            Map<String, RemoteCommand> running = all.runOnAll(hosts, "hostname >/dev/null && echo ok",
                    Duration.ofMinutes(5), OutputListener.IGNORE);
            List<CompletableFuture<ExecResult>> healthy = running.entrySet().stream()
                    .filter(e -> !e.getKey().equals("web-07")).map(e -> e.getValue().result()).toList();
            CompletableFuture.allOf(healthy.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            assertThat(healthy).allSatisfy(f -> assertThat(f.join().outcome()).isEqualTo(ExecOutcome.OK));
            CompletableFuture<ExecResult> hanging = running.get("web-07").result();
            assertThat(hanging).as("the hung host is still running when the others are done").isNotDone();

            running.get("web-07").cancel();
            assertThat(hanging.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(ExecOutcome.CANCELLED);
            assertThat(hung.silentCommandDestroyed().await(30, TimeUnit.SECONDS))
                    .as("the hung command's channel was closed").isTrue();
        } finally {
            for (MinaSshServer s : servers) {
                s.close();
            }
        }
    }

    @Test
    void a_local_port_forward_reaches_an_address_as_seen_from_the_host() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            kit.io.execute(() -> serveEcho(echo));
            PortForward forward = connection.forward("127.0.0.1", echo.getLocalPort());

            for (String word : List.of("PING", "PONG")) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), forward.localPort());
                     PrintWriter w = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
                     BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(),
                             StandardCharsets.UTF_8))) {
                    w.println(word);
                    assertThat(r.readLine()).isEqualTo("echo " + word);
                }
            }
            assertThat(forward.target()).isEqualTo("127.0.0.1:" + echo.getLocalPort());

            connection.close();
            assertThat(forward.isOpen()).as("the forward closes with the connection").isFalse();
            assertThat(echoThrough(forward.localPort())).as("nothing relays through the old port any more")
                    .isNotEqualTo("echo PING");
        }
    }

    /** What comes back for PING through a port: null when refused or closed (a self-connect echoes "PING"). */
    private static String echoThrough(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
             PrintWriter w = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
             BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            s.setSoTimeout(5000);
            w.println("PING");
            return r.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private static void serveEcho(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept();
                 BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter w = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                w.println("echo " + r.readLine());
            } catch (IOException e) {
                return;
            }
        }
    }
}
