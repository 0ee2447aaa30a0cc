package org.incidentconsole.breaker;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.RedisEndpoint;
import org.incidentconsole.ssh.PortForward;
import org.incidentconsole.ssh.SshConnection;
import org.incidentconsole.ssh.SshConnections;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Opens the Redis of each host through an SSH tunnel. Hosts that use the same shared Redis share one link and
 * its pool; a Redis on a host's loopback belongs to that host alone unless the inventory says it is shared.
 */
public final class RedisLinks implements AutoCloseable {
    private static final Duration CONNECT = Duration.ofSeconds(15);
    private static final int TIMEOUT_MS = 5_000;

    private final SshConnections ssh;
    private final Map<String, String> environment;
    private final RedisPasswordPrompt prompt;
    private final Map<String, RedisLink> links = new ConcurrentHashMap<>();
    private final Map<String, char[]> typedPasswords = new ConcurrentHashMap<>();

    public RedisLinks(SshConnections ssh, Map<String, String> environment, RedisPasswordPrompt prompt) {
        this.ssh = ssh;
        this.environment = environment;
        this.prompt = prompt;
    }

    static String shareKey(Host host, RedisEndpoint redis) {
        return (redis.shared() ? "" : host.name() + "/") + redis.host() + ":" + redis.port() + "/" + redis.db();
    }

    /** The link to the host's Redis, opened on first use. Blocks while connecting: call off the FX thread. */
    public RedisLink linkFor(Host host) throws RedisUnavailableException {
        RedisEndpoint redis = host.redis();
        if (redis == null) {
            throw new RedisUnavailableException(host.name() + " has no redis block in the inventory", null);
        }
        String key = shareKey(host, redis);
        RedisLink existing = links.get(key);
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            existing = links.get(key);
            if (existing != null) {
                return existing;
            }
            RedisLink link = open(host, redis);
            links.put(key, link);
            return link;
        }
    }

    private RedisLink open(Host host, RedisEndpoint redis) throws RedisUnavailableException {
        String label = "redis " + redis.host() + ":" + redis.port() + " db " + redis.db() + " via " + host.name();
        SshConnection connection = ssh.connection(host);
        try {
            connection.connect().get(CONNECT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new RedisUnavailableException(label + ": no SSH connection: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new RedisUnavailableException(label + ": no SSH connection within " + CONNECT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisUnavailableException(label + ": interrupted", e);
        }
        PortForward forward;
        try {
            forward = connection.forward(redis.host(), redis.port());
        } catch (IOException e) {
            throw new RedisUnavailableException(label + ": cannot open a local port: " + e.getMessage(), e);
        }
        String password = password(label, redis);
        GenericObjectPoolConfig<Jedis> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(8);
        config.setTestOnBorrow(false);
        config.setJmxEnabled(false);
        JedisPool pool = new JedisPool(config, "127.0.0.1", forward.localPort(), TIMEOUT_MS, password, redis.db());
        return new RedisLink(label, forward, pool, connection);
    }

    private String password(String label, RedisEndpoint redis) {
        if (redis.passwordEnv() == null) {
            return null;
        }
        String fromEnv = environment.get(redis.passwordEnv());
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        char[] typed = typedPasswords.computeIfAbsent(label, l -> {
            char[] p = prompt.password(l, redis.passwordEnv());
            return p == null ? new char[0] : p;
        });
        return typed.length == 0 ? null : new String(typed);
    }

    @Override
    public void close() {
        links.values().forEach(RedisLink::close);
        links.clear();
    }
}
