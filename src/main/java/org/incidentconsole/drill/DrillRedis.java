package org.incidentconsole.drill;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * A real redis-server (the binary embedded-redis ships) on a free loopback port, seeded like a production
 * Redis mid-incident: breakers open for more than five minutes, one half open, failure counts, rate limits.
 */
final class DrillRedis implements AutoCloseable {
    private final int port;
    private final RedisServer server;

    DrillRedis() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        server.start();
        seed();
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
