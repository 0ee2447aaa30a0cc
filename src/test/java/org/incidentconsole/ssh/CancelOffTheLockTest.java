package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.SshKit.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener busy with a line (redacting a huge one) must not hold up cancel or the time limit: both complete the
 * result at once, with their own reason, while the listener is still blocked.
 */
class CancelOffTheLockTest {
    @TempDir
    Path dir;
    SshKit kit;
    MinaSshServer server;
    SshConnection connection;
    final CountDownLatch inListener = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        server = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(server);
        connection = kit.connections().connection(host("web-01", server.port(), key));
        connection.connect().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        kit.close();
        server.close();
    }

    /** Blocks on the first line until the test releases it, as a slow redaction would. */
    private OutputListener blocking() {
        return (h, stream, line) -> {
            inListener.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void cancel_returns_at_once_while_a_listener_is_busy_and_the_result_is_cancelled() throws Exception {
        RemoteCommand rc = connection.run("echo first; echo second; exec sleep 60", Duration.ofSeconds(60), blocking());
        assertThat(inListener.await(30, TimeUnit.SECONDS)).as("the listener got the first line").isTrue();

        CompletableFuture<Void> cancelled = CompletableFuture.runAsync(rc::cancel);

        cancelled.get(5, TimeUnit.SECONDS);
        ExecResult r = rc.result().get(5, TimeUnit.SECONDS);
        assertThat(release.getCount()).as("the listener is still blocked").isEqualTo(1);
        assertThat(r.outcome()).isEqualTo(ExecOutcome.CANCELLED);
        assertThat(r.reason()).isEqualTo("cancelled by the operator");
    }

    @Test
    void the_time_limit_fires_while_a_listener_is_busy_and_records_its_real_reason() throws Exception {
        RemoteCommand rc = connection.run("echo first; exec sleep 60", Duration.ofSeconds(1), blocking());
        assertThat(inListener.await(30, TimeUnit.SECONDS)).isTrue();

        ExecResult r = rc.result().get(10, TimeUnit.SECONDS);

        assertThat(release.getCount()).as("the listener is still blocked").isEqualTo(1);
        assertThat(r.outcome()).isEqualTo(ExecOutcome.TIMEOUT);
        assertThat(r.reason()).isEqualTo("no result within 1 s; stopped");
    }
}
