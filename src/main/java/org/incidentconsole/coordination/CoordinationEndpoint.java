package org.incidentconsole.coordination;

/**
 * The Redis the consoles of one incident share: its stream of events, later presence and run locks.
 *
 * <p>By default this is <em>not</em> the application's breaker Redis: that one may be the sick component, and
 * runbooks run {@code FLUSHDB} and pattern {@code DEL}s on it. Every key written here still lives under
 * {@link #keyPrefix}, {@value #DEFAULT_PREFIX} by default, which no breaker ({@code circuit_breaker:*}) or
 * rate-limit ({@code *_rate_limit:*}) pattern matches, so a shared Redis keeps the coordination keys apart.
 *
 * @param password in memory only: never written, never logged ({@link #toString()} hides it); null for none
 */
public record CoordinationEndpoint(String host, int port, int db, String password, boolean tls, String keyPrefix) {
    public static final String DEFAULT_PREFIX = "incident-console:coord:";

    public CoordinationEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the coordination Redis needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the coordination Redis port " + port + " is not between 1 and 65535");
        }
        if (db < 0) {
            throw new IllegalArgumentException("the coordination Redis database " + db + " is negative");
        }
        keyPrefix = keyPrefix == null || keyPrefix.isEmpty() ? DEFAULT_PREFIX : keyPrefix;
    }

    /** A Redis without password or TLS, database 0, the default prefix: the drill's and the tests'. */
    public static CoordinationEndpoint plain(String host, int port) {
        return new CoordinationEndpoint(host, port, 0, null, false, DEFAULT_PREFIX);
    }

    /** The stream holding every console's events of one incident. */
    public String eventsKey(String incidentId) {
        return keyPrefix + "incident:" + incidentId + ":events";
    }

    /** {@code host:port/db}, for messages and logs. */
    public String address() {
        return host + ":" + port + "/" + db + (tls ? " (TLS)" : "");
    }

    @Override
    public String toString() {
        return "CoordinationEndpoint[" + address() + ", prefix " + keyPrefix
                + (password == null ? "" : ", password set") + "]";
    }
}
