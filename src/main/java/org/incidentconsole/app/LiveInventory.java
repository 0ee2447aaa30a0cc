package org.incidentconsole.app;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.incidentconsole.health.SeverityAdvisor;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.InventoryException;
import org.incidentconsole.ui.breakers.BreakerPanelViewModel;
import org.incidentconsole.ui.health.HealthPanelViewModel;
import org.incidentconsole.ui.hosts.HostListViewModel;
import org.incidentconsole.ui.inventory.InventoryProblemsViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's inventory: read at start and again on Reload, without a restart and without touching the
 * incident. A reload that reads the file stops the live panels, closes the connections of hosts removed or
 * changed (a changed host that was connected connects again with its new settings), lists the hosts anew, starts
 * the panels on them and journals what changed; a reload that fails lists every problem and leaves the hosts as
 * they were.
 */
final class LiveInventory {
    private static final Logger LOG = LoggerFactory.getLogger(LiveInventory.class);
    private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The window's view models the inventory feeds. */
    record Views(HostListViewModel hosts, HealthPanelViewModel health, BreakerPanelViewModel breakers,
                 InventoryProblemsViewModel problems, Consumer<String> refreshedAt,
                 Consumer<SeverityAdvisor.Advice> advice) {
    }

    private final ConsoleServices services;
    private final Path file;
    private final Views views;
    private final boolean connectAll;
    private final WindowInventory loaded;

    /** @param connectAll connect every host once the inventory is first loaded (the drill does) */
    LiveInventory(ConsoleServices services, Path file, WindowInventory loaded, Views views, boolean connectAll) {
        this.services = services;
        this.loaded = loaded;
        this.file = file;
        this.views = views;
        this.connectAll = connectAll;
        views.problems().onReload(this::reload);
    }

    /** The first read, off the FX thread. */
    void load() {
        services.inventories().load(file).whenComplete((inv, error) -> {
            loaded.settle(error == null ? inv : null);
            Platform.runLater(() -> {
                if (error != null || inv == null) {
                    refuse(error);
                    return;
                }
                show(inv);
                views.problems().loaded("");
                if (connectAll) {
                    views.hosts().connectAll();
                }
            });
        });
    }

    /** Ctrl+R and the Reload buttons (FX thread): reads the file again; the incident goes on. */
    void reload() {
        LOG.info("Reloading the inventory {}", file);
        services.inventories().load(file).whenComplete((inv, error) -> {
            Inventory before = loaded.current();
            if (error != null || inv == null) {
                journal(new IncidentEvent.InventoryReloaded(String.valueOf(file), null, null, null,
                        problems(error).size()));
                Platform.runLater(() -> {
                    if (before == null) {
                        refuse(error);
                    } else {
                        views.problems().show(problemOf(error));
                    }
                });
                return;
            }
            if (before != null && before.environment() != inv.environment()) {
                Platform.runLater(() -> views.problems().refused("Not reloaded: the file now describes "
                        + inv.environment().label() + ", this window works on " + before.environment().label()
                        + "; start the console again to switch."));
                return;
            }
            services.panels().stop();
            List<String> reconnect = services.ssh().keepOnly(inv.hosts());
            Changes changes = Changes.between(before == null ? List.of() : before.hosts(), inv.hosts());
            loaded.replace(inv);
            journal(new IncidentEvent.InventoryReloaded(String.valueOf(file), changes.added(), changes.removed(),
                    changes.changed(), 0));
            LOG.info("Inventory reloaded: {}", changes.text());
            Platform.runLater(() -> {
                views.breakers().clear();
                show(inv);
                views.problems().loaded("Inventory reloaded " + LocalTime.now().format(HHMMSS) + ": "
                        + changes.text() + ".");
                inv.hosts().stream().filter(h -> reconnect.contains(h.name()))
                        .forEach(h -> services.ssh().connection(h).connect());
            });
        });
    }

    private void show(Inventory inv) {
        views.hosts().showInventory(inv, services.ssh()::connection);
        views.health().keepHosts(inv.hosts().stream().map(Host::name).toList());
        services.panels().start(inv, r -> {
            views.health().result(r);
            views.hosts().healthResult(r);
            views.refreshedAt().accept("health");
        }, p -> {
            views.breakers().panel(p);
            views.refreshedAt().accept("breakers");
        }, views.advice());
    }

    /** No inventory could be read at all: the problems panel lists why, the panels say there is nothing to poll. */
    private void refuse(Throwable error) {
        if (error == null) {
            views.hosts().showProblem("No inventory at " + file + ".");
            views.problems().missing(file);
            views.health().noHosts("there is no inventory.");
            return;
        }
        InventoryException e = problemOf(error);
        LOG.warn("Inventory not loaded: {}", e.getMessage());
        int n = e.problems().size();
        views.hosts().showProblem("No hosts: the inventory has " + (n == 1 ? "a problem" : n + " problems")
                + " (listed above).");
        views.problems().show(e);
        views.health().noHosts("the inventory could not be read.");
    }

    private InventoryException problemOf(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof InventoryException e) {
            return e;
        }
        if (cause == null) {
            return new InventoryException(file, 0, 0, null, "file not found");
        }
        return new InventoryException(file, 0, 0, null, "cannot read: " + cause.getMessage());
    }

    private List<InventoryException> problems(Throwable error) {
        return problemOf(error).problems();
    }

    private void journal(IncidentEvent event) {
        IncidentSession session = services.incidents().current();
        if (session != null) {
            try {
                session.record(event).join();
            } catch (RuntimeException e) {
                LOG.warn("The inventory reload could not be journaled: {}", e.getMessage());
            }
        }
    }

    /** Host names added, removed and changed between two reads, in inventory order. */
    record Changes(List<String> added, List<String> removed, List<String> changed) {
        static Changes between(List<Host> before, List<Host> after) {
            Map<String, Host> old = new LinkedHashMap<>();
            before.forEach(h -> old.put(h.name(), h));
            List<String> added = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            for (Host h : after) {
                Host was = old.remove(h.name());
                if (was == null) {
                    added.add(h.name());
                } else if (!was.equals(h)) {
                    changed.add(h.name());
                }
            }
            return new Changes(added, List.copyOf(old.keySet()), changed);
        }

        /** "1 host added (web-03), 1 removed (web-02), 0 changed". */
        String text() {
            return part(added, "added") + ", " + part(removed, "removed") + ", " + part(changed, "changed");
        }

        private static String part(List<String> names, String what) {
            return names.size() + (names.size() == 1 ? " host " : " hosts ") + what
                    + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
        }
    }
}
