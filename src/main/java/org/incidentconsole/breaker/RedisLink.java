package org.incidentconsole.breaker;

import java.util.function.Consumer;
import java.util.function.Function;
import org.incidentconsole.ssh.ConnectionStatus;
import org.incidentconsole.ssh.PortForward;
import org.incidentconsole.ssh.SshConnection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One Redis reached through an SSH local port forward, with its connection pool. Each pooled connection is carried
 * by the SSH session that was current when it opened: whenever the host's connection changes state the idle ones
 * are dropped, so the first command after a reconnect (a reset the operator just confirmed) does not find a socket
 * of the session that went away.
 */
public final class RedisLink implements AutoCloseable {
    private final String label;
    private final PortForward forward;
    private final JedisPool pool;
    private final SshConnection connection;
    private final Consumer<ConnectionStatus> dropIdle;

    RedisLink(String label, PortForward forward, JedisPool pool, SshConnection connection) {
        this.label = label;
        this.forward = forward;
        this.pool = pool;
        this.connection = connection;
        this.dropIdle = status -> pool.clear();
        connection.addListener(dropIdle);
    }

    /** e.g. "redis 127.0.0.1:6379 db 0 via web-01". */
    public String label() {
        return label;
    }

    public <T> T with(Function<Jedis, T> work) throws RedisUnavailableException {
        try (Jedis jedis = pool.getResource()) {
            return work.apply(jedis);
        } catch (JedisConnectionException e) {
            throw new RedisUnavailableException(label + " not reachable: " + rootMessage(e), e);
        } catch (JedisDataException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.startsWith("NOAUTH")) {
                throw new RedisUnavailableException(label + " asks for a password: set the variable named by "
                        + "password_env in the inventory, or enter it when asked", e);
            }
            if (m.startsWith("WRONGPASS") || m.contains("invalid password")) {
                throw new RedisUnavailableException(label + " refused the password", e);
            }
            throw new RedisUnavailableException(label + ": " + m, e);
        } catch (JedisException e) {
            throw new RedisUnavailableException(label + ": " + rootMessage(e), e);
        }
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
        connection.removeListener(dropIdle);
        pool.close();
        forward.close();
    }
}
