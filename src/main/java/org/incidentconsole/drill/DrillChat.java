package org.incidentconsole.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The drill's chat room: a Slack-shaped incoming webhook on loopback, so comms can be rehearsed end to end. Its
 * URL carries a random token like a real one (and is handed to the console through the environment, never the
 * inventory file); it answers "ok" to a JSON {@code text} and keeps what it received in memory for the drill.
 */
final class DrillChat implements AutoCloseable {
    /** The environment variable the drill inventory's chat channel names. */
    static final String URL_ENV = "INCIDENT_CONSOLE_DRILL_CHAT";

    private static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final String path;
    private final List<String> received = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    DrillChat() throws IOException {
        byte[] token = new byte[12];
        new SecureRandom().nextBytes(token);
        this.path = "/hooks/drill/" + HexFormat.of().formatHex(token);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "drill-chat");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/hooks/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    synchronized List<String> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                reply(exchange, 404, "no_service");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "method_not_allowed");
                return;
            }
            JsonNode text;
            try (InputStream in = exchange.getRequestBody()) {
                text = json.readTree(in.readNBytes(MAX_BODY)).get("text");
            } catch (IOException e) {
                reply(exchange, 400, "invalid_payload");
                return;
            }
            if (text == null || !text.isTextual() || text.asText().isBlank()) {
                reply(exchange, 400, "no_text");
                return;
            }
            synchronized (this) {
                received.add(text.asText());
            }
            reply(exchange, 200, "ok");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
