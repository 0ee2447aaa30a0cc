package org.incidentconsole.ui.hosts;

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
import org.incidentconsole.ssh.SshConnection;

/** One host row: its connection state and reason, updated on the UI thread; Connect never blocks. */
public final class HostItemViewModel {
    private final Host host;
    private final SshConnection connection;
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.DISCONNECTED);
    private final StringProperty reason = new SimpleStringProperty("");
    private final BooleanBinding connectable = Bindings.createBooleanBinding(
            () -> state.get() == ConnectionState.DISCONNECTED || state.get() == ConnectionState.FAILED, state);

    /** @param ui runs on the UI thread (Platform::runLater in the app) */
    public HostItemViewModel(SshConnection connection, Executor ui) {
        this.host = connection.host();
        this.connection = connection;
        connection.addListener(status -> ui.execute(() -> apply(status)));
    }

    private void apply(ConnectionStatus status) {
        state.set(status.state());
        reason.set(status.reason());
    }

    public void connect() {
        connection.connect();
    }

    public String name() {
        return host.name();
    }

    public String detail() {
        String where = host.user() + "@" + host.address() + (host.port() == 22 ? "" : ":" + host.port());
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
