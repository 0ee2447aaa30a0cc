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
import java.time.Instant;
import java.util.concurrent.Executors;

/**
 * The drill app's HTTP side ({@code /api/health} and any other {@code /api/…} path). The healing rule, read from
 * what an emergency rollback does, in this order:
 * <ol>
 * <li>maintenance mode ({@code php artisan down} until {@code up}) answers 503;</li>
 * <li>php8.3-fpm or nginx stopped answers 502;</li>
 * <li>the broken release checked out answers 500;</li>
 * <li>the application cache ({@code cache:clear} or {@code optimize:clear}) and the configuration
 * ({@code config:clear}, {@code config:cache}, {@code optimize:clear} or {@code optimize}) not both renewed after
 * that checkout: 500, stale compiled cache;</li>
 * <li>php8.3-fpm not restarted or reloaded after that checkout: 500, the workers' opcache still holds the broken
 * code (before or after the cache clear: either order heals);</li>
 * <li>else 200 {@code {"status":"healthy",…}}.</li>
 * </ol>
 * Redis is not part of it: the breakers are the breaker panel's, as on a real host. Every request is logged.
 */
final class DrillHealthEndpoint implements AutoCloseable {
    private final DrillSandbox sandbox;
    private final HttpServer server;

    /** Why the app answers an error, with the status it answers. */
    record Problem(int status, String message) {
    }

    DrillHealthEndpoint(DrillSandbox sandbox) throws IOException {
        this.sandbox = sandbox;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "drill-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/api/", this::answer);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Why the app is unhealthy, or null when it is healthy. */
    String problem() throws IOException {
        Problem p = problemWithStatus();
        return p == null ? null : p.message();
    }

    Problem problemWithStatus() throws IOException {
        if (Files.exists(sandbox.state.resolve("down"))) {
            return new Problem(503, "Service Unavailable: the application is in maintenance mode");
        }
        for (String unit : new String[] {"php8.3-fpm", "nginx"}) {
            if (Files.exists(sandbox.state.resolve("stopped-" + unit))) {
                return new Problem(502, "Bad Gateway: " + unit + " is stopped");
            }
        }
        if (sandbox.deployedVersion().equals(DrillSandbox.BROKEN_VERSION)) {
            return new Problem(500, "Class BookingService not found (release " + DrillSandbox.BROKEN_VERSION + ")");
        }
        FileTime deployed = Files.getLastModifiedTime(sandbox.app.resolve("VERSION"));
        FileTime cache = time("cache_cleared");
        FileTime config = time("config_cleared");
        if (before(cache, deployed) || before(config, deployed)) {
            return new Problem(500, "stale compiled cache from release " + DrillSandbox.BROKEN_VERSION);
        }
        FileTime fpm = latest(time("restart-php8.3-fpm"), time("reload-php8.3-fpm"));
        if (before(fpm, deployed)) {
            return new Problem(500, "PHP-FPM workers still run the broken release's opcache");
        }
        return null;
    }

    private FileTime time(String flag) throws IOException {
        Path file = sandbox.state.resolve(flag);
        return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
    }

    private static boolean before(FileTime t, FileTime than) {
        return t == null || t.compareTo(than) < 0;
    }

    private static FileTime latest(FileTime a, FileTime b) {
        return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private void answer(HttpExchange exchange) throws IOException {
        Problem problem;
        try {
            problem = problemWithStatus();
        } catch (IOException e) {
            problem = new Problem(500, "cannot read the sandbox: " + e.getMessage());
        }
        String path = exchange.getRequestURI().getPath();
        int status = problem == null ? 200 : problem.status();
        String body = problem == null
                ? "{\"status\":\"healthy\",\"version\":\"" + sandbox.deployedVersion() + "\",\"timestamp\":\""
                        + Instant.now() + "\"}"
                : "{\"status\":\"error\",\"message\":\"" + problem.message() + "\"}";
        if (problem == null) {
            sandbox.logLine("INFO", exchange.getRequestMethod() + " " + path + " 200");
            if (path.equals("/api/health")) {
                sandbox.logLine("INFO", "booking queue drained");
            }
        } else {
            sandbox.logLine("ERROR", problem.message());
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
