package org.incidentconsole.ui.comms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.incidentconsole.notify.Attempt;
import org.incidentconsole.notify.Outgoing;
import org.incidentconsole.notify.Sender;

/**
 * Incoming webhooks on loopback (the JDK's HTTP server), each answering as a chat service does: {@link Answer#OK}
 * 200 "ok", {@link Answer#INVALID} 400 "invalid_payload", {@link Answer#BUSY} 429 "rate_limited" with Retry-After.
 * Each hook's path holds a random secret, as a real webhook URL does; {@link #sender} makes a channel's sender.
 */
final class LoopbackHooks implements AutoCloseable {
    enum Answer {
        OK(200, "ok"), INVALID(400, "invalid_payload"), BUSY(429, "rate_limited");

        final int status;
        final String body;

        Answer(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }

    /** What the Retry-After header of a BUSY hook says: long enough that a retry is pending while the test looks. */
    static final int RETRY_AFTER_SECONDS = 120;

    private final HttpServer server;
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();

    LoopbackHooks() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    /** A new hook answering {@code answer}, and its secret URL. */
    URI hook(Answer answer) {
        String path = "/hooks/" + UUID.randomUUID();
        received.put(path, new CopyOnWriteArrayList<>());
        server.createContext(path, exchange -> answer(exchange, answer, received.get(path)));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The bodies a hook was sent, in order. */
    List<String> received(URI hook) {
        return received.get(hook.getPath());
    }

    private static void answer(HttpExchange exchange, Answer answer, List<String> bodies) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (answer == Answer.BUSY) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            }
            byte[] body = answer.body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A Slack-like sender for {@code channel}: POSTs {"text": …} to the hook; its preview masks the URL's secret. */
    static Sender sender(String channel, URI hook) {
        return new HookSender(channel, hook);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record HookSender(String channel, URI hook) implements Sender {
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public Attempt send(Outgoing message) throws InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(hook).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(message))).build();
            try {
                HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                if (status / 100 == 2) {
                    return Attempt.delivered(status, r.body());
                }
                if (status == 429 || status >= 500) {
                    return Attempt.retry(status, r.body(), r.headers().firstValue("Retry-After")
                            .map(s -> Duration.ofSeconds(Long.parseLong(s.strip()))).orElse(null));
                }
                return Attempt.failed(status, r.body());
            } catch (IOException e) {
                return Attempt.retry(null, "no answer from the webhook", null);
            }
        }

        @Override
        public String preview(Outgoing message) {
            return "POST " + hook.getScheme() + "://" + hook.getAuthority() + "/hooks/••••••\n" + body(message);
        }

        private static String body(Outgoing message) {
            try {
                return JSON.writeValueAsString(Map.of("text", message.text()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
