package org.incidentconsole.drill;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.Executors;

/**
 * The drill app's health endpoint. It answers 500 while the broken release is deployed, or while caches or
 * PHP-FPM still hold what the broken release left behind; 200 {"status":"healthy"} once the stable release is
 * checked out, the caches cleared after that and PHP-FPM restarted after that. Every request is logged.
 */
final class DrillHealthEndpoint implements AutoCloseable {
    private final DrillSandbox sandbox;
    private final HttpServer server;

    DrillHealthEndpoint(DrillSandbox sandbox) throws IOException {
        this.sandbox = sandbox;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "drill-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/api/health", this::health);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Why the app is unhealthy, or null when it is healthy. */
    String problem() throws IOException {
        if (sandbox.deployedVersion().equals(DrillSandbox.BROKEN_VERSION)) {
            return "Class BookingService not found (release " + DrillSandbox.BROKEN_VERSION + ")";
        }
        FileTime deployed = Files.getLastModifiedTime(sandbox.app.resolve("VERSION"));
        FileTime cleared = time(sandbox.state.resolve("cache_cleared"));
        FileTime restarted = time(sandbox.state.resolve("restarted-php8.3-fpm"));
        if (cleared == null || cleared.compareTo(deployed) < 0) {
            return "stale compiled cache from release " + DrillSandbox.BROKEN_VERSION;
        }
        if (restarted == null || restarted.compareTo(cleared) < 0) {
            return "PHP-FPM workers still run the broken release's opcache";
        }
        return null;
    }

    private static FileTime time(Path file) throws IOException {
        return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
    }

    private void health(HttpExchange exchange) throws IOException {
        String problem;
        try {
            problem = problem();
        } catch (IOException e) {
            problem = "cannot read the sandbox: " + e.getMessage();
        }
        int status = problem == null ? 200 : 500;
        String body = problem == null ? "{\"status\":\"healthy\",\"version\":\"" + sandbox.deployedVersion() + "\"}"
                : "{\"status\":\"error\",\"message\":\"" + problem + "\"}";
        if (problem == null) {
            sandbox.logLine("INFO", "GET /api/health 200");
            sandbox.logLine("INFO", "booking queue drained");
        } else {
            sandbox.logLine("ERROR", problem);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
