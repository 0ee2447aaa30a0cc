package org.incidentconsole.app;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.NotifySettings;

/**
 * The window's inventory once it is read (none before, or when it could not be), and what follows from it: the
 * environment, the hosts, and the binding incidents carry. Read from any thread.
 */
final class WindowInventory {
    private static final String NO_ENVIRONMENT = "production";

    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    private final List<Consumer<Inventory>> listeners = new CopyOnWriteArrayList<>();
    private volatile Inventory loaded;

    /** Told each inventory read or reloaded (null: it could not be read), on the thread that read it. */
    void onChange(Consumer<Inventory> listener) {
        listeners.add(listener);
    }

    /** The inventory was read ({@code inventory}) or could not be (null): incidents may be opened from now on. */
    void settle(Inventory inventory) {
        loaded = inventory;
        settled.complete(null);
        listeners.forEach(l -> l.accept(inventory));
    }

    /** A reload read the file again: the window works on {@code inventory} from now on. */
    void replace(Inventory inventory) {
        loaded = inventory;
        listeners.forEach(l -> l.accept(inventory));
    }

    /** The inventory as read, or null (not yet, or it could not be read). */
    Inventory current() {
        return loaded;
    }

    /** The environment's label; "production" until an inventory says otherwise (the careful default). */
    String environment() {
        Inventory inv = loaded;
        return inv == null ? NO_ENVIRONMENT : inv.environment().label();
    }

    /** The inventory's {@code notify:}; none before it is read. */
    NotifySettings comms() {
        Inventory inv = loaded;
        return inv == null ? NotifySettings.NONE : inv.comms();
    }

    List<Host> hosts() {
        Inventory inv = loaded;
        return inv == null ? List.of() : inv.hosts();
    }

    /** The binding of incidents started or resumed here: the environment, and the inventory file and hosts. */
    IncidentBinding binding() {
        Inventory inv = loaded;
        return inv == null ? new IncidentBinding(environment(), null, null)
                : IncidentBinding.of(environment(), String.valueOf(inv.source().getFileName()),
                inv.hosts().stream().map(Host::name).toList());
    }

    /**
     * As {@link #binding()}, once the inventory is settled: incidents are bound to the environment, so none is
     * started, resumed or listed before it is known. Blocking (call off the FX thread).
     */
    IncidentBinding settledBinding() {
        try {
            settled.get(2, TimeUnit.MINUTES);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("the inventory is still loading; try again once the hosts are listed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the inventory loaded");
        }
        return binding();
    }
}
