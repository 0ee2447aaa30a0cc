package org.incidentconsole.drill;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server (the binary embedded-redis ships) on a free loopback port: the drill's breaker Redis, seeded
 * like a production Redis mid-incident (breakers open for more than five minutes, one half open, failure counts,
 * rate limits, and the app's own data beside them: feature flags, a queue, a session), or its coordination Redis,
 * empty, the one consoles share an incident through.
 * Its binary and working folder live in the drill's folder, so nothing of it stays outside that folder, and the
 * running binary's path tells this drill's server from any other.
 */
final class DrillRedis implements AutoCloseable {
    private static final int BIND_ATTEMPTS = 5;
    private final int port;
    private final RedisServer server;
    private final String binary;
    private final ProcessHandle process;

    private DrillRedis(Path dir, boolean seeded) throws IOException {
        Files.createDirectories(dir);
        binary = ExecutableProvider.newJarResourceProvider(dir.toFile()).get().toPath().toRealPath().toString();
        Started started = start(binary, dir.toRealPath().toString());
        port = started.port();
        server = started.server();
        process = findProcess().orElse(null);
        if (seeded) {
            seed();
        }
    }

    /** The Redis the drill host's app keeps its breakers in, seeded mid-incident. */
    static DrillRedis breakers(Path dir) throws IOException {
        return new DrillRedis(dir, true);
    }

    /** The coordination Redis: empty, its own process, binary and folder. */
    static DrillRedis coordination(Path dir) throws IOException {
        return new DrillRedis(dir, false);
    }

    private record Started(int port, RedisServer server) {
    }

    /** A free port can be taken by another process between asking for it and redis binding it: try others. */
    private static Started start(String binary, String dir) throws IOException {
        IOException refused = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int port = freePort();
            RedisServer server = new RedisServer(port, List.of(binary, "--port", String.valueOf(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir), false);
            try {
                server.start();
                return new Started(port, server);
            } catch (IOException e) {
                refused = e;
            }
        }
        throw refused;
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    /** The server among this JVM's children: the one running this drill's binary. */
    private Optional<ProcessHandle> findProcess() {
        return ProcessHandle.current().children()
                .filter(child -> child.info().command().map(binary::equals).orElse(false))
                .findFirst();
    }

    /** The running server, for the drill's pid file; null if it could not be told among the children. */
    ProcessHandle process() {
        return process;
    }

    String binary() {
        return binary;
    }

    private void seed() {
        long now = Instant.now().getEpochSecond();
        try (Jedis j = new Jedis("127.0.0.1", port)) {
            j.set("circuit_breaker:calcom:state", "open");
            j.set("circuit_breaker:calcom:failures", "47");
            j.set("circuit_breaker:calcom:opened_at", String.valueOf(now - 12 * 60));
            j.set("circuit_breaker:stripe:state", "OPEN");
            j.set("circuit_breaker:stripe:failures", "12");
            j.set("circuit_breaker:stripe:opened_at", String.valueOf(now - 7 * 60));
            j.set("circuit_breaker:mailgun:state", "half_open");
            j.set("circuit_breaker:mailgun:failures", "3");
            j.set("circuit_breaker:maps:state", "closed");
            j.set("circuit_breaker:maps:failures", "0");
            j.setex("calcom_api_rate_limit:minute", 45, "118");
            j.setex("calcom_api_rate_limit:hour", 3000, "2304");
            // the app's own data, which a selective reset must leave alone (a FLUSHDB takes it too)
            j.hset("feature_flags", Map.of("circuit_breaker", "on", "log_sanitizer", "on",
                    "new_booking_flow", "on"));
            j.rpush("queues:default", "{\"job\":\"SendBookingConfirmation\",\"booking\":1042}",
                    "{\"job\":\"SyncCalendar\",\"booking\":1043}");
            j.set("sessions:3f9a1c", "{\"user\":1042}");
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        if (server.isActive()) {
            server.stop();
        }
    }
}
