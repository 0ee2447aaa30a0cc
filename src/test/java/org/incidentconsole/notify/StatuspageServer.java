package org.incidentconsole.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server that acts like the Statuspage REST API v1 for one page: {@code POST /v1/pages/{page}/incidents}
 * opens an incident (201, its id), {@code PATCH /v1/pages/{page}/incidents/{id}} moves it (200); the token must come
 * as {@code Authorization: OAuth …} (else 401); an unknown page or incident is 404; a status outside the four words
 * or a missing name is 422 with the API's error words. {@link #answerNext} queues a canned answer instead.
 */
final class StatuspageServer implements AutoCloseable {
    record Received(String method, String path, String authorization, JsonNode body) {
        JsonNode incident() {
            return body.path("incident");
        }
    }

    record Canned(int status, String body, String retryAfter) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/v1/pages/([^/]+)/incidents(?:/([^/]+))?");
    private static final Set<String> STATUSES = Set.of("investigating", "identified", "monitoring", "resolved");

    private final HttpServer server;
    private final String pageId;
    private final String token;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Canned> canned = new ArrayDeque<>();
    private final Map<String, ObjectNode> incidents = new LinkedHashMap<>();

    StatuspageServer(String pageId, String token) throws IOException {
        this.pageId = pageId;
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    synchronized void answerNext(int status, String body, String retryAfter) {
        canned.add(new Canned(status, body, retryAfter));
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized Map<String, ObjectNode> incidents() {
        return Map.copyOf(incidents);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode body = raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw);
            String path = exchange.getRequestURI().getRawPath();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            received.add(new Received(exchange.getRequestMethod(), path, auth, body));
            Canned next = canned.poll();
            if (next != null) {
                answer(exchange, next.status(), next.body(), next.retryAfter());
                return;
            }
            if (!("OAuth " + token).equals(auth)) {
                answer(exchange, 401, "{\"error\":\"Could not authenticate\"}", null);
                return;
            }
            Matcher m = PATH.matcher(path);
            if (!m.matches() || !m.group(1).equals(pageId)) {
                answer(exchange, 404, "{\"error\":\"Page not found\"}", null);
                return;
            }
            if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                answer(exchange, 415, "{\"error\":\"Unsupported media type\"}", null);
                return;
            }
            JsonNode incident = body.path("incident");
            if (!STATUSES.contains(incident.path("status").asText())) {
                answer(exchange, 422, "{\"error\":[\"Status is not included in the list\"]}", null);
                return;
            }
            if (m.group(2) == null && "POST".equals(exchange.getRequestMethod())) {
                if (incident.path("name").asText().isBlank()) {
                    answer(exchange, 422, "{\"error\":[\"Name can't be blank\"]}", null);
                    return;
                }
                String id = "inc" + (incidents.size() + 1) + "x7q";
                ObjectNode stored = ((ObjectNode) incident.deepCopy()).put("id", id);
                incidents.put(id, stored);
                answer(exchange, 201, stored.toString(), null);
            } else if (m.group(2) != null && "PATCH".equals(exchange.getRequestMethod())) {
                ObjectNode stored = incidents.get(m.group(2));
                if (stored == null) {
                    answer(exchange, 404, "{\"error\":\"Incident not found\"}", null);
                    return;
                }
                stored.setAll((ObjectNode) incident);
                answer(exchange, 200, stored.toString(), null);
            } else {
                answer(exchange, 405, "{\"error\":\"Method not allowed\"}", null);
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
