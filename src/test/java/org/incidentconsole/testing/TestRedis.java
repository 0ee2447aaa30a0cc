package org.incidentconsole.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/** A real redis-server (the binary embedded-redis ships) on a free loopback port, no persistence. */
public final class TestRedis implements AutoCloseable {
    private final int port;
    private final String password;
    private final RedisServer server;

    private TestRedis(String password) throws IOException {
        this.password = password;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = free.getLocalPort();
        }
        var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no");
        if (password != null) {
            builder.setting("requirepass " + password);
        }
        this.server = builder.build();
        server.start();
    }

    public static TestRedis start() throws IOException {
        return new TestRedis(null);
    }

    public static TestRedis withPassword(String password) throws IOException {
        return new TestRedis(password);
    }

    public int port() {
        return port;
    }

    /** A direct client (not through SSH), to seed data and check results. */
    public Jedis direct() {
        Jedis jedis = new Jedis("127.0.0.1", port);
        if (password != null) {
            jedis.auth(password);
        }
        return jedis;
    }

    public void stop() throws IOException {
        server.stop();
    }

    public void startAgain() throws IOException {
        server.start();
    }

    @Override
    public void close() throws IOException {
        if (server.isActive()) {
            server.stop();
        }
    }
}
