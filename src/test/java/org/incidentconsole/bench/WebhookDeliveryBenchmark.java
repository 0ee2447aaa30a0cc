package org.incidentconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.inventory.ChannelKind;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.notify.DeliveryState;
import org.incidentconsole.notify.DeliveryUpdate;
import org.incidentconsole.notify.Outgoing;
import org.incidentconsole.notify.RetryPolicy;
import org.incidentconsole.notify.RetryingCourier;
import org.incidentconsole.notify.Sender;
import org.incidentconsole.notify.Senders;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Send-to-delivered time of one message to a Slack-like webhook on loopback answering {@code 200 ok}, through the
 * courier as the window uses it: against a server that answers in one write with TCP_NODELAY (as web services do),
 * and against the JDK's HttpServer with its defaults (the tests' server; Nagle + delayed ACK add ~40 ms there). Run with {@code ./mvnw -Pbench verify}; writes
 * target/bench/webhook.md and asserts only that every send was delivered.
 */
@Tag("bench")
class WebhookDeliveryBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 100);
    private static final int WARMUP = 20;

    @Test
    void send_to_delivered_on_loopback() throws Exception {
        HttpServer jdk = okServer();
        try (OkSocketServer raw = new OkSocketServer()) {
            String jdkRow = row("JDK HttpServer (its defaults: headers and body in two writes, Nagle on)",
                    "http://127.0.0.1:" + jdk.getAddress().getPort());
            String rawRow = row("socket server answering in one write, TCP_NODELAY (as a web service does)",
                    "http://127.0.0.1:" + raw.port());
            String report = "| Slack-like webhook on loopback (200 ok), courier send → delivered | sends | median ms "
                    + "| p90 ms | max ms |\n|---|---|---|---|---|\n" + rawRow + jdkRow;
            Path out = Path.of("target", "bench", "webhook.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
        } finally {
            jdk.stop(0);
            ((ExecutorService) jdk.getExecutor()).shutdownNow();
        }
    }

    private static HttpServer okServer() throws IOException {
        HttpServer slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        slack.setExecutor(Executors.newFixedThreadPool(2));
        slack.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        slack.start();
        return slack;
    }

    private static String row(String label, String base) throws Exception {
        ExecutorService io = Executors.newCachedThreadPool();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            String url = base + "/services/T000/B000/benchbenchbench";
            Sender sender = Senders.create(new NotifyChannel("ops", ChannelKind.SLACK, 1, "OPS_SLACK_WEBHOOK", null,
                    null), (channel, what, env) -> Optional.of(url));
            RetryingCourier courier = new RetryingCourier(io, scheduler, Clock.systemUTC(), RetryPolicy.defaults());
            Outgoing message = new Outgoing("P1 checkout", "Rolled back checkout from v2 to v1; next update 10:30.",
                    Map.of());
            long[] micros = new long[RUNS];
            for (int i = -WARMUP; i < RUNS; i++) {
                long start = System.nanoTime();
                List<DeliveryUpdate> done = courier.send(message, List.of(sender), u -> { })
                        .finished().get(30, TimeUnit.SECONDS);
                long took = (System.nanoTime() - start) / 1000;
                assertThat(done.get(0).state()).isEqualTo(DeliveryState.DELIVERED);
                if (i >= 0) {
                    micros[i] = took;
                }
            }
            Arrays.sort(micros);
            return String.format("| %s | %d | %.2f | %.2f | %.2f |%n", label, RUNS, micros[RUNS / 2] / 1000.0,
                    micros[RUNS * 9 / 10] / 1000.0, micros[RUNS - 1] / 1000.0);
        } finally {
            io.shutdownNow();
            scheduler.shutdownNow();
        }
    }

    /** HTTP/1.1 keep-alive, one thread per connection: reads a request with its body, answers 200 ok at once. */
    private static final class OkSocketServer implements AutoCloseable {
        private static final byte[] OK = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok")
                .getBytes(StandardCharsets.US_ASCII);
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final ExecutorService pool = Executors.newCachedThreadPool();

        OkSocketServer() throws IOException {
            pool.execute(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        s.setTcpNoDelay(true);
                        pool.execute(() -> serve(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        private static void serve(Socket s) {
            try (s; var in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
                while (true) {
                    int length = -1;
                    String line;
                    while ((line = readLine(in)) != null && !line.isEmpty()) {
                        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    if (line == null) {
                        return;
                    }
                    in.readNBytes(Math.max(0, length));
                    out.write(OK);
                    out.flush();
                }
            } catch (IOException e) {
                // the client closed the connection
            }
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return c == -1 && b.length() == 0 ? null : b.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            pool.shutdownNow();
        }
    }
}
