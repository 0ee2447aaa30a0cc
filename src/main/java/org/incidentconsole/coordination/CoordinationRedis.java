package org.incidentconsole.coordination;

import java.util.List;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The connection pool to the coordination Redis. Short timeouts: losing this Redis must never hold up the
 * operator, so every call fails fast with a {@link CoordinationUnavailableException}.
 */
public final class CoordinationRedis implements AutoCloseable {
    private static final int TIMEOUT_MS = 2_000;

    private final String label;
    private final JedisPooled jedis;

    public CoordinationRedis(CoordinationEndpoint endpoint) {
        this.label = "the coordination Redis " + endpoint.address();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MS).socketTimeoutMillis(TIMEOUT_MS)
                .database(endpoint.db()).ssl(endpoint.tls()).clientName("incident-console");
        if (endpoint.password() != null) {
            config.password(endpoint.password());
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(8);
        pool.setJmxEnabled(false);
        this.jedis = new JedisPooled(pool, new HostAndPort(endpoint.host(), endpoint.port()), config.build());
    }

    public String label() {
        return label;
    }

    /**
     * Closes the connections resting in the pool. Called when the SSH session a tunnel rides on changes state:
     * an idle socket of the session that went away would fail the next command ("Unexpected end of stream").
     */
    public void dropIdleConnections() {
        jedis.getPool().clear();
    }

    <T> T with(Function<UnifiedJedis, T> work) throws CoordinationUnavailableException {
        try {
            return work.apply(jedis);
        } catch (JedisConnectionException e) {
            throw new CoordinationUnavailableException(label + " not reachable: " + rootMessage(e), e);
        } catch (JedisDataException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.startsWith("NOAUTH") || m.startsWith("WRONGPASS") || m.contains("invalid password")) {
                throw new CoordinationUnavailableException(label + " refused the password (password_env)", e);
            }
            throw new CoordinationUnavailableException(label + ": " + m, e);
        } catch (JedisException e) {
            throw new CoordinationUnavailableException(label + ": " + rootMessage(e), e);
        }
    }

    /** Runs {@code script} atomically; its reply with bulk strings decoded as UTF-8. */
    Object run(LuaScript script, List<String> keys, List<String> args) throws CoordinationUnavailableException {
        return with(j -> {
            try {
                return j.evalsha(script.sha(), keys, args);
            } catch (JedisNoScriptException e) {
                return j.eval(script.source(), keys, args);
            }
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        jedis.close();
    }
}
