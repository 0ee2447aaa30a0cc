package org.incidentconsole.coordination;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;

/** Connections to the coordination Redis: one per thread that uses it (a Jedis is not thread-safe). */
final class CoordinationLink {
    static final int CONNECT_TIMEOUT_MS = 2_000;
    static final int SOCKET_TIMEOUT_MS = 5_000;

    private CoordinationLink() {
    }

    /**
     * Connects (and authenticates, selects the database) now, so an unreachable server fails here.
     *
     * @param blockMs the longest XREAD BLOCK this connection will wait, added to its socket timeout
     */
    static Jedis open(CoordinationEndpoint endpoint, int blockMs) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(CONNECT_TIMEOUT_MS)
                .socketTimeoutMillis(SOCKET_TIMEOUT_MS)
                .blockingSocketTimeoutMillis(SOCKET_TIMEOUT_MS + blockMs)
                .database(endpoint.db())
                .ssl(endpoint.tls())
                .clientName("incident-console");
        if (endpoint.password() != null) {
            config.password(endpoint.password());
        }
        Jedis jedis = new Jedis(new HostAndPort(endpoint.host(), endpoint.port()), config.build());
        try {
            jedis.ping();
        } catch (RuntimeException e) {
            jedis.close();
            throw e;
        }
        return jedis;
    }

    static StreamId id(StreamEntryID id) {
        return new StreamId(id.getTime(), id.getSequence());
    }

    static StreamEntryID id(StreamId id) {
        return new StreamEntryID(id.ms(), id.seq());
    }

    /** One sentence for the bar and the log: what went wrong talking to the coordination Redis. */
    static String problem(CoordinationEndpoint endpoint, RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "the coordination Redis " + endpoint.address()
                + (e instanceof JedisDataException ? " refused the console: " : " is unreachable: ") + why;
    }
}
