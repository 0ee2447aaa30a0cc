package org.incidentconsole.ui.hosts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.incidentconsole.health.CheckResult;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.ssh.ConnectionState;
import org.incidentconsole.ssh.SshConnection;

/** The hosts region: the inventory's hosts, or a message saying why there are none. */
public final class HostListViewModel {
    private final Executor ui;
    private final ObservableList<HostItemViewModel> hosts = FXCollections.observableArrayList(
            // a new reason or health line changes a card's height: the list lays the cards out again
            h -> new Observable[] {h.stateProperty(), h.runOnProperty(), h.reasonProperty(), h.healthProperty()});
    private final StringProperty environment = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("Loading the inventory…");
    private final StringBinding summary = Bindings.createStringBinding(() -> {
        long connected = hosts.stream().filter(h -> h.stateProperty().get() == ConnectionState.CONNECTED).count();
        return connected + " of " + hosts.size() + " hosts connected";
    }, hosts);

    private final StringBinding runBlocked = Bindings.createStringBinding(this::runBlockedReason, hosts);

    public HostListViewModel(Executor ui) {
        this.ui = ui;
    }

    /** Lists the inventory's hosts; on a reload, a host listed before keeps its "Run here" tick. */
    public void showInventory(Inventory inventory, Function<Host, SshConnection> connections) {
        Map<String, Boolean> runOn = new HashMap<>();
        hosts.forEach(h -> runOn.put(h.name(), h.runOnProperty().get()));
        hosts.forEach(HostItemViewModel::release);
        hosts.setAll(inventory.hosts().stream().map(h -> {
            HostItemViewModel item = new HostItemViewModel(connections.apply(h), ui);
            item.runOnProperty().set(runOn.getOrDefault(h.name(), true));
            return item;
        }).toList());
        environment.set(inventory.environment().label());
        message.set("");
    }

    public void showProblem(String problem) {
        hosts.forEach(HostItemViewModel::release);
        hosts.clear();
        environment.set("");
        message.set(problem);
    }

    /** The hosts ticked "Run here", in inventory order (UI thread). */
    public List<Host> selectedHosts() {
        return hosts.stream().filter(h -> h.runOnProperty().get()).map(HostItemViewModel::host).toList();
    }

    /** Called from the health poller's threads. */
    public void healthResult(CheckResult r) {
        ui.execute(() -> hosts.stream().filter(h -> h.name().equals(r.host())).findFirst()
                .ifPresent(h -> h.healthResult(r.check(), r.status())));
    }

    /** Why Run is off (none of the hosts ticked "Run here" is connected), or "" when it may run. */
    private String runBlockedReason() {
        List<HostItemViewModel> on = hosts.stream().filter(h -> h.runOnProperty().get()).toList();
        if (on.isEmpty()) {
            return hosts.isEmpty() ? "" : "Run is off: no host is ticked “Run here”.";
        }
        if (on.stream().noneMatch(h -> h.stateProperty().get() == ConnectionState.CONNECTED)) {
            return "Run is off: none of the hosts to run on is connected ("
                    + String.join(", ", on.stream().map(HostItemViewModel::name).toList()) + "); connect one first.";
        }
        return "";
    }

    /** "" when a step may run on the ticked hosts, else the one sentence saying why not. */
    public StringBinding runBlockedProperty() {
        return runBlocked;
    }

    public void connectAll() {
        hosts.stream().filter(h -> h.connectableProperty().get()).forEach(HostItemViewModel::connect);
    }

    public ObservableList<HostItemViewModel> hosts() {
        return hosts;
    }

    public ReadOnlyStringProperty environmentProperty() {
        return environment;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public StringBinding summaryProperty() {
        return summary;
    }
}
