package org.incidentconsole.ui.runbook;

import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import org.incidentconsole.runbook.ChecklistItem;
import org.incidentconsole.runbook.Step;

/**
 * One checklist item's box, ticked only once the tick is on disk: the operator asks ({@link #request}), the box
 * keeps showing what is journaled and is busy (disabled) until the write ends, then shows the new state with who
 * ticked it, or the old state if the write failed.
 */
public final class TickState {
    private final ChecklistViewModel checklist;
    private final Step step;
    private final ChecklistItem item;
    private final SimpleBooleanProperty checked = new SimpleBooleanProperty();
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    private final SimpleStringProperty label = new SimpleStringProperty();

    TickState(ChecklistViewModel checklist, Step step, ChecklistItem item) {
        this.checklist = checklist;
        this.step = step;
        this.item = item;
        checked.set(checklist.isTicked(step, item));
        label.set(checklist.label(step, item));
    }

    /**
     * The operator clicked the box wanting {@code wanted}: journaled, then shown. Ignored while a write is under
     * way. Completes (on the UI thread) when the box shows the outcome.
     */
    public CompletableFuture<Void> request(boolean wanted) {
        if (busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        return checklist.tick(step, item, wanted).handle((v, err) -> {
            busy.set(false);
            checked.set(checklist.isTicked(step, item));
            label.set(checklist.label(step, item));
            return null;
        });
    }

    /** What the box shows: the state on disk. */
    public ReadOnlyBooleanProperty checkedProperty() {
        return checked;
    }

    /** A write is under way: the box is off until it ends. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty labelProperty() {
        return label;
    }
}
