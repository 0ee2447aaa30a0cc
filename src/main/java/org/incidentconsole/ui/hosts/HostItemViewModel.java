package org.incidentconsole.ui.hosts;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.ssh.ConnectionState;
import org.incidentconsole.ssh.ConnectionStatus;
import org.incidentconsole.ssh.SettingLine;
import org.incidentconsole.ssh.SshException;
import org.incidentconsole.ssh.SshConnection;

/** One host row: its connection state and reason, updated on the UI thread; Connect never blocks. */
public final class HostItemViewModel {
    private final Host host;
    private final SshConnection connection;
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.DISCONNECTED);
    private final StringProperty reason = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty runOn = new javafx.beans.property.SimpleBooleanProperty(true);
    private final StringProperty health = new SimpleStringProperty("");
    private final java.util.Map<String, org.incidentconsole.health.HealthStatus> checks = new java.util.TreeMap<>();
    private final BooleanBinding connectable = Bindings.createBooleanBinding(
            () -> state.get() == ConnectionState.DISCONNECTED || state.get() == ConnectionState.FAILED, state);

    /** @param ui runs on the UI thread (Platform::runLater in the app) */
    public HostItemViewModel(SshConnection connection, Executor ui) {
        this.host = connection.host();
        this.connection = connection;
        connection.addListener(listener = status -> ui.execute(() -> apply(status)));
    }

    private final java.util.function.Consumer<ConnectionStatus> listener;

    /** The item leaves the list (the inventory was reloaded): it stops following its connection. */
    public void release() {
        connection.removeListener(listener);
    }

    private void apply(ConnectionStatus status) {
        state.set(status.state());
        reason.set(status.reason());
    }

    public void connect() {
        connection.connect();
    }

    /** Off the UI thread: closing a transport can wait on the network. */
    public void disconnect(Executor io) {
        io.execute(connection::disconnect);
    }

    public Host host() {
        return host;
    }

    /** The host's SSH settings with their origins, worked out on {@code io} (ssh_config is read: blocking). */
    public CompletableFuture<List<SettingLine>> sshSettings(Executor io) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return connection.settingsWithOrigins();
            } catch (SshException e) {
                throw new CompletionException(e);
            }
        }, io);
    }

    /** Whether the next step runs on this host (all hosts at first). */
    public javafx.beans.property.BooleanProperty runOnProperty() {
        return runOn;
    }

    /** A check's latest status; the row's health line counts them, worst first (UI thread). */
    void healthResult(String check, org.incidentconsole.health.HealthStatus status) {
        checks.put(check, status);
        java.util.Map<org.incidentconsole.health.HealthStatus, Long> counts = new java.util.EnumMap<>(
                org.incidentconsole.health.HealthStatus.class);
        checks.values().forEach(st -> counts.merge(st, 1L, Long::sum));
        StringBuilder text = new StringBuilder("health: ");
        for (var st : new org.incidentconsole.health.HealthStatus[] {org.incidentconsole.health.HealthStatus.CRITICAL,
                org.incidentconsole.health.HealthStatus.WARN, org.incidentconsole.health.HealthStatus.UNKNOWN,
                org.incidentconsole.health.HealthStatus.OK}) {
            Long n = counts.get(st);
            if (n != null) {
                text.append(n).append(' ').append(st.name()).append(", ");
            }
        }
        health.set(text.substring(0, text.length() - 2));
    }

    public ReadOnlyStringProperty healthProperty() {
        return health;
    }

    public String name() {
        return host.name();
    }

    public String detail() {
        String where = host.user() + "@" + host.address() + (host.port() == 22 ? "" : ":" + host.port());
        List<String> jump = host.route().jump();
        if (jump != null && !jump.isEmpty()) {
            where += " via " + String.join(" → ", jump);
        } else if (host.route().proxyCommand() != null) {
            where += " via proxy command";
        }
        return host.tags().isEmpty() ? where : where + " · " + String.join(", ", host.tags());
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason;
    }

    public BooleanBinding connectableProperty() {
        return connectable;
    }

    /** The state in the words shown next to the host. */
    public static String label(ConnectionState state) {
        return switch (state) {
            case CONNECTED -> "connected";
            case CONNECTING -> "connecting…";
            case FAILED -> "failed";
            case DISCONNECTED -> "not connected";
        };
    }
}
