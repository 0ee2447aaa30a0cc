package org.incidentconsole.ssh;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import org.incidentconsole.inventory.Host;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one SSH connection to one host, shared by every command and forward on it. Its state is observable;
 * after an unexpected drop it reconnects with exponential backoff until closed.
 */
public final class SshConnection implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SshConnection.class);

    private final Host host;
    private final SshSettings settings;
    private final ExecutorService io;
    private final ScheduledExecutorService scheduler;
    private final List<Consumer<ConnectionStatus>> listeners = new CopyOnWriteArrayList<>();
    private final List<PortForward> forwards = new CopyOnWriteArrayList<>();
    private final HostHandshake handshake;

    private volatile ConnectionStatus status = ConnectionStatus.of(ConnectionState.DISCONNECTED, "");
    private volatile SSHClient client;
    // guarded by this
    private CompletableFuture<Void> connecting;
    private ScheduledFuture<?> reconnect;
    private int reconnectAttempt;
    private boolean closed;

    SshConnection(Host host, SshSettings settings, HostHandshake handshake, ExecutorService io,
                  ScheduledExecutorService scheduler) {
        this.host = host;
        this.settings = settings;
        this.handshake = handshake;
        this.io = io;
        this.scheduler = scheduler;
    }

    public Host host() {
        return host;
    }

    /**
     * The path of the last connect attempt (hops, resolved address, where each setting came from), or null before
     * the first attempt.
     */
    public HostPath path() {
        return handshake.path();
    }

    /**
     * The host's SSH settings (HostName, User, Port, IdentityFile, ProxyJump, ...) with where each came from:
     * the inventory, ssh_config or the console's default. Blocking: ssh_config is read as a connect would read it.
     * Empty when the connection has no path to work out.
     */
    public List<SettingLine> settingsWithOrigins() throws SshException {
        HostPath p = handshake.resolve();
        return p == null ? List.of() : PathSettings.of(p, settings);
    }

    public ConnectionStatus status() {
        return status;
    }

    /** Adds a listener and tells it the current status at once. Called from I/O threads. */
    public void addListener(Consumer<ConnectionStatus> listener) {
        listeners.add(listener);
        listener.accept(status);
    }

    public void removeListener(Consumer<ConnectionStatus> listener) {
        listeners.remove(listener);
    }

    public boolean isConnected() {
        SSHClient c = client;
        return c != null && c.isConnected() && c.isAuthenticated();
    }

    /** Connects unless connected; joins an attempt already under way. Never blocks the caller. */
    public synchronized CompletableFuture<Void> connect() {
        if (closed) {
            return CompletableFuture.failedFuture(new SshException("the connection to " + host.name()
                    + " is closed", null, true));
        }
        if (connecting != null) {
            return connecting;
        }
        if (isConnected()) {
            return CompletableFuture.completedFuture(null);
        }
        cancelReconnect();
        return begin(false);
    }

    private synchronized CompletableFuture<Void> begin(boolean isReconnect) {
        CompletableFuture<Void> attempt = new CompletableFuture<>();
        connecting = attempt;
        io.execute(() -> attempt(attempt, isReconnect));
        return attempt.copy();
    }

    private void attempt(CompletableFuture<Void> attempt, boolean isReconnect) {
        setStatus(ConnectionState.CONNECTING, isReconnect
                ? "reconnecting (attempt " + reconnectAttempt + ")"
                : "connecting to " + host.address() + ":" + host.port());
        try {
            SSHClient c = handshake.open();
            synchronized (this) {
                connecting = null;
                if (closed) {
                    SshHandshake.closeQuietly(c);
                    throw new SshException("closed while connecting", null, true);
                }
                client = c;
                reconnectAttempt = 0;
            }
            c.getTransport().setDisconnectListener((reason, message) -> onDisconnect(c, reason, message));
            if (!c.isConnected()) {
                onDisconnect(c, DisconnectReason.CONNECTION_LOST, "closed right after connecting");
            } else {
                String key = handshake.authenticatedWith();
                HostPath p = handshake.path();
                setStatus(ConnectionState.CONNECTED, "connected as " + (p == null ? host.user() + "@" + host.address()
                        + ":" + host.port() : p.target().endpoint()) + (p == null ? "" : p.via()), key);
            }
            attempt.complete(null);
        } catch (SshException e) {
            synchronized (this) {
                connecting = null;
            }
            LOG.warn("{}: {}", host.name(), e.getMessage());
            if (isReconnect && !e.permanent()) {
                Duration delay = scheduleReconnect();
                setStatus(ConnectionState.DISCONNECTED, e.getMessage() + "; retrying in " + seconds(delay));
            } else {
                setStatus(ConnectionState.FAILED, e.getMessage());
            }
            attempt.completeExceptionally(e);
        } catch (RuntimeException e) {
            synchronized (this) {
                connecting = null;
            }
            LOG.error("{}: unexpected failure while connecting", host.name(), e);
            setStatus(ConnectionState.FAILED, "internal error while connecting: " + e);
            attempt.completeExceptionally(e);
        }
    }

    private void onDisconnect(SSHClient c, DisconnectReason reason, String message) {
        Duration delay;
        synchronized (this) {
            if (c != client || closed) {
                return;
            }
            client = null;
            delay = scheduleReconnect();
        }
        String why = message == null || message.isBlank() ? reason.toString() : message;
        LOG.warn("{}: connection lost ({}); reconnecting in {}", host.name(), why, seconds(delay));
        setStatus(ConnectionState.DISCONNECTED, "connection lost: " + why + "; reconnecting in " + seconds(delay));
    }

    private synchronized Duration scheduleReconnect() {
        long initial = settings.reconnectInitialDelay().toMillis();
        long delayMs = Math.min(settings.reconnectMaxDelay().toMillis(),
                initial << Math.min(reconnectAttempt, 20));
        reconnectAttempt++;
        reconnect = scheduler.schedule(() -> {
            synchronized (this) {
                if (closed || connecting != null || client != null) {
                    return;
                }
                begin(true);
            }
        }, delayMs, TimeUnit.MILLISECONDS);
        return Duration.ofMillis(delayMs);
    }

    private synchronized void cancelReconnect() {
        if (reconnect != null) {
            reconnect.cancel(false);
            reconnect = null;
        }
    }

    /**
     * Runs a command, connecting first if needed. Returns at once; output goes to the listener and the end
     * to {@link RemoteCommand#result()}.
     */
    public RemoteCommand run(String command, Duration timeout, OutputListener listener) {
        return run(command, timeout, listener, CommandOptions.PLAIN);
    }

    /** As {@link #run(String, Duration, OutputListener)}, with a terminal and/or a sudo password responder. */
    public RemoteCommand run(String command, Duration timeout, OutputListener listener, CommandOptions options) {
        RemoteCommand rc = new RemoteCommand(host.name(), command, listener, io, scheduler, options);
        connect().whenComplete((ok, error) -> {
            SSHClient c = client;
            if (error != null) {
                rc.notStarted("not run: " + rootMessage(error));
            } else if (c == null) {
                rc.notStarted("not run: the connection dropped before the command could start");
            } else {
                rc.start(c, timeout);
            }
        });
        return rc;
    }

    /** Forwards a local loopback port to {@code remoteHost:remotePort} as seen from this host. */
    public PortForward forward(String remoteHost, int remotePort) throws IOException {
        PortForward forward = new PortForward(host.name(), remoteHost, remotePort, () -> client, io);
        forwards.add(forward);
        return forward;
    }

    /** Drops the connection on the operator's request: no reconnect until asked. */
    public void disconnect() {
        SSHClient c;
        synchronized (this) {
            cancelReconnect();
            c = client;
            client = null;
        }
        if (c != null) {
            io.execute(() -> SshHandshake.closeQuietly(c));
        }
        setStatus(ConnectionState.DISCONNECTED, "disconnected by the operator");
    }

    @Override
    public void close() {
        SSHClient c;
        synchronized (this) {
            closed = true;
            cancelReconnect();
            c = client;
            client = null;
        }
        forwards.forEach(PortForward::close);
        forwards.clear();
        if (c != null) {
            SshHandshake.closeQuietly(c);
        }
        setStatus(ConnectionState.DISCONNECTED, "closed");
    }

    private void setStatus(ConnectionState state, String reason) {
        setStatus(state, reason, null);
    }

    private void setStatus(ConnectionState state, String reason, String key) {
        ConnectionStatus next = new ConnectionStatus(state, reason, Instant.now(), key);
        if (status == null || status.state() != state) {
            LOG.info("{}: connection {}{}", host.name(), state, reason == null ? "" : " (" + reason + ")");
        }
        status = next;
        for (Consumer<ConnectionStatus> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("connection listener failed", e);
            }
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private static String rootMessage(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException
                || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    @Override
    public String toString() {
        return host.name() + " " + status.state();
    }
}
