package org.incidentconsole.app;

import java.util.EnumMap;
import java.util.Map;
import org.incidentconsole.ui.MainWindowController;
import org.incidentconsole.ui.Shortcut;
import org.incidentconsole.ui.incident.IncidentBarController;
import org.incidentconsole.ui.inventory.InventoryProblemsViewModel;
import org.incidentconsole.ui.runbook.StepperController;

/** What each {@link Shortcut} does in the main window. */
final class KeyActions {
    private KeyActions() {
    }

    static Map<Shortcut, Runnable> of(StepperController stepper, IncidentBarController bar, MainWindowController main,
                                      InventoryProblemsViewModel inventory) {
        Map<Shortcut, Runnable> actions = new EnumMap<>(Shortcut.class);
        actions.put(Shortcut.RUN_STEP, stepper::run);
        actions.put(Shortcut.CANCEL_STEP, stepper::cancel);
        actions.put(Shortcut.START_INCIDENT, bar::startIncident);
        actions.put(Shortcut.OPEN_RUNBOOK, stepper::openRunbook);
        actions.put(Shortcut.SEARCH_OUTPUT, stepper::focusOutputSearch);
        actions.put(Shortcut.FOCUS_NOTE, stepper::focusNote);
        actions.put(Shortcut.RELOAD_INVENTORY, inventory::reload);
        actions.put(Shortcut.EXPORT_REPORT, bar::export);
        actions.put(Shortcut.COMMS, bar::openComms);
        actions.put(Shortcut.SHOW_SHORTCUTS, main::showShortcutsNow);
        return actions;
    }
}
