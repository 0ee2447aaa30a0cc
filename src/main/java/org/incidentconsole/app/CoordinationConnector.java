package org.incidentconsole.app;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.incidentconsole.coordination.CoordinationEndpoint;
import org.incidentconsole.coordination.CoordinationRedis;
import org.incidentconsole.coordination.CoordinationUnavailableException;
import org.incidentconsole.inventory.CoordinationSettings;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.ssh.ConnectionStatus;
import org.incidentconsole.ssh.PortForward;
import org.incidentconsole.ssh.SshConnection;
import org.incidentconsole.ssh.SshConnections;

/**
 * Opens the inventory's coordination Redis: directly at the address written, or, with {@code via: HOST}, through
 * a local port forwarded over that host's SSH connection (the console's own, shared with its panels). The forward
 * keeps its local port across SSH reconnects, so the shared timeline and its follower reconnect by themselves.
 */
public final class CoordinationConnector {
    private static final Duration CONNECT = Duration.ofSeconds(15);

    private final SshConnections ssh;
    private final Map<String, String> environment;

    /** @param environment the process environment: the variable {@code password_env} names */
    public CoordinationConnector(SshConnections ssh, Map<String, String> environment) {
        this.ssh = ssh;
        this.environment = environment;
    }

    /**
     * The inventory's coordination Redis, ready to use; the caller closes it. Blocks while the tunnel's SSH
     * connection comes up (up to 15 s): call off the FX thread. The Redis itself is not asked: a Redis that is
     * down is the shared timeline's offline state, not a failure to open.
     */
    public Connected open(Inventory inventory) throws CoordinationUnavailableException {
        CoordinationSettings c = inventory.coordination();
        if (c == null) {
            throw new CoordinationUnavailableException(inventory.source() + " has no coordination: block: a shared "
                    + "incident goes through a coordination Redis", null);
        }
        String label = label(c);
        String password = password(c, label);
        if (c.direct()) {
            return new Connected(new CoordinationEndpoint(c.host(), c.port(), c.db(), password, c.tls(), c.prefix()),
                    label, null, null);
        }
        Host via = inventory.host(c.via()).orElseThrow(() -> new CoordinationUnavailableException("coordination Redis "
                + label + ": " + c.via() + " is no host of " + inventory.source(), null));
        SshConnection connection = ssh.connection(via);
        try {
            connection.connect().get(CONNECT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new CoordinationUnavailableException("coordination Redis " + label + ": no SSH connection: "
                    + why(e.getCause()), e);
        } catch (TimeoutException e) {
            throw new CoordinationUnavailableException("coordination Redis " + label + ": no SSH connection within "
                    + CONNECT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoordinationUnavailableException("coordination Redis " + label + ": interrupted", e);
        }
        PortForward forward;
        try {
            forward = connection.forward(c.host(), c.port());
        } catch (IOException e) {
            throw new CoordinationUnavailableException("coordination Redis " + label + ": cannot open a local port: "
                    + e.getMessage(), e);
        }
        CoordinationEndpoint endpoint = new CoordinationEndpoint("127.0.0.1", forward.localPort(), c.db(), password,
                c.tls(), c.prefix());
        return new Connected(endpoint, label, forward, connection);
    }

    /** "10.0.0.5:6380 db 0 via bastion": the address as the inventory writes it. */
    static String label(CoordinationSettings c) {
        String host = c.host().indexOf(':') >= 0 ? "[" + c.host() + "]" : c.host();
        return host + ":" + c.port() + " db " + c.db() + (c.tls() ? " (TLS)" : "")
                + (c.direct() ? "" : " via " + c.via());
    }

    private static String why(Throwable cause) {
        Throwable t = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }

    private String password(CoordinationSettings c, String label) throws CoordinationUnavailableException {
        if (c.passwordEnv() == null) {
            return null;
        }
        String password = environment.get(c.passwordEnv());
        if (password == null || password.isBlank()) {
            throw new CoordinationUnavailableException("coordination Redis " + label + ": its password is not set: "
                    + "export " + c.passwordEnv(), null);
        }
        return password;
    }

    /**
     * An opened coordination Redis: the endpoint to hand to the shared timeline, its follower and the pool; with
     * {@code via:} it holds the tunnel open until closed.
     */
    public static final class Connected implements AutoCloseable {
        private final CoordinationEndpoint endpoint;
        private final String label;
        private final PortForward forward;
        private final SshConnection connection;
        private CoordinationRedis redis;
        private Consumer<ConnectionStatus> dropIdle;

        private Connected(CoordinationEndpoint endpoint, String label, PortForward forward, SshConnection connection) {
            this.endpoint = endpoint;
            this.label = label;
            this.forward = forward;
            this.connection = connection;
        }

        /** Where the console connects: the address written, or 127.0.0.1 and the tunnel's local port. */
        public CoordinationEndpoint endpoint() {
            return endpoint;
        }

        /** For the operator: "10.0.0.5:6380 db 0 via bastion", "10.0.4.20:6379 db 0". */
        public String label() {
            return label;
        }

        /** Whether the Redis is reached through a host's SSH tunnel. */
        public boolean tunnelled() {
            return forward != null;
        }

        /**
         * False once the tunnel is gone for good: closed, or its SSH connection was closed (the inventory was read
         * again and the host changed or left it). Open the connector again then; a mere drop does not end it.
         */
        public boolean usable() {
            return forward == null || forward.isOpen();
        }

        /**
         * The pool (run locks, presence, approvals), made on first use and closed with this. Through a tunnel its
         * idle connections are dropped whenever the SSH connection changes state, so the first command after a
         * reconnect does not find a socket of the session that went away.
         */
        public synchronized CoordinationRedis redis() {
            if (redis == null) {
                CoordinationRedis made = new CoordinationRedis(endpoint);
                if (connection != null) {
                    dropIdle = status -> made.dropIdleConnections();
                    connection.addListener(dropIdle);
                }
                redis = made;
            }
            return redis;
        }

        /** Closes the pool and the tunnel; the SSH connection stays (it is the console's). */
        @Override
        public synchronized void close() {
            if (dropIdle != null) {
                connection.removeListener(dropIdle);
                dropIdle = null;
            }
            if (redis != null) {
                redis.close();
                redis = null;
            }
            if (forward != null) {
                forward.close();
            }
        }

        @Override
        public String toString() {
            return "coordination Redis " + label;
        }
    }
}
