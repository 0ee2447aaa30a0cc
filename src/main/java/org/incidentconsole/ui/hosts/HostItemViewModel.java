package org.incidentconsole.ui.hosts;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.ssh.ConnectionState;
import org.incidentconsole.ssh.ConnectionStatus;
import org.incidentconsole.ssh.SettingLine;
import org.incidentconsole.ssh.SshConnection;
import org.incidentconsole.ssh.SshException;

/** One host row: its connection state and reason, updated on the UI thread; Connect never blocks. */
public final class HostItemViewModel {
    private final Host host;
    private final SshConnection connection;
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.DISCONNECTED);
    private final StringProperty reason = new SimpleStringProperty("");
    private final BooleanProperty runOn = new SimpleBooleanProperty(true);
    private final StringProperty health = new SimpleStringProperty("");
    private final Map<String, HealthStatus> checks = new TreeMap<>();
    private final BooleanBinding connectable = Bindings.createBooleanBinding(
            () -> state.get() == ConnectionState.DISCONNECTED || state.get() == ConnectionState.FAILED, state);

    /** @param ui runs on the UI thread (Platform::runLater in the app) */
    public HostItemViewModel(SshConnection connection, Executor ui) {
        this.host = connection.host();
        this.connection = connection;
        connection.addListener(listener = status -> ui.execute(() -> apply(status)));
    }

    private final Consumer<ConnectionStatus> listener;

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
    public BooleanProperty runOnProperty() {
        return runOn;
    }

    /** A check's latest status; the row's health line counts them, worst first (UI thread). */
    void healthResult(String check, HealthStatus status) {
        checks.put(check, status);
        Map<HealthStatus, Long> counts = new EnumMap<>(
                HealthStatus.class);
        checks.values().forEach(st -> counts.merge(st, 1L, Long::sum));
        StringBuilder text = new StringBuilder("health: ");
        for (var st : new HealthStatus[] {HealthStatus.CRITICAL,
                HealthStatus.WARN, HealthStatus.UNKNOWN,
                HealthStatus.OK}) {
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
