package org.incidentconsole.ui.inventory;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.incidentconsole.inventory.InventoryException;

/**
 * The inventory's problems, every one with its place (file:line:col) and field, and the Reload that reads the
 * file again once the operator fixed it. UI thread only.
 */
public final class InventoryProblemsViewModel {
    /** One problem: "inventory.yaml:4:5", "hosts[0].adress", "unknown field 'adress'; known fields: …". */
    public record Problem(String where, String field, String text) {
        static Problem of(InventoryException e) {
            String where = e.file() + (e.line() > 0 ? ":" + e.line() + ":" + e.column() : "");
            return new Problem(where, e.field() == null ? "" : e.field(), e.problem());
        }
    }

    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final SimpleStringProperty heading = new SimpleStringProperty("");
    private final SimpleStringProperty outcome = new SimpleStringProperty("");
    private final SimpleBooleanProperty reloading = new SimpleBooleanProperty(false);
    private Runnable reload = () -> { };

    /** What Reload does (wired once the window knows how to read the inventory). */
    public void onReload(Runnable action) {
        reload = action;
    }

    /** Reads the file again, unless a read is under way. */
    public void reload() {
        if (!reloading.get()) {
            reloading.set(true);
            outcome.set("Reading the inventory again…");
            reload.run();
        }
    }

    /** The file could not be read: every problem, in the file's order. */
    public void show(InventoryException e) {
        List<InventoryException> all = e.problems();
        problems.setAll(all.stream().map(Problem::of).toList());
        heading.set(all.size() == 1 ? "The inventory has a problem: fix it in the file, then Reload (Ctrl+R)."
                : "The inventory has " + all.size() + " problems: fix them in the file, then Reload (Ctrl+R).");
        reloading.set(false);
    }

    /** There is no file: one problem, saying where it is expected. */
    public void missing(Path file) {
        problems.setAll(new Problem(file.toString(), "", "no inventory here; copy inventory.example.yaml from "
                + "the Incident Console repository there and edit it, or start with --inventory PATH"));
        heading.set("No inventory: create the file, then Reload (Ctrl+R).");
        reloading.set(false);
    }

    /** The file was read: no problem left; {@code what} says what changed ("" on the first read). */
    public void loaded(String what) {
        problems.clear();
        heading.set("");
        outcome.set(what);
        reloading.set(false);
    }

    /** The file was read but not taken (another environment): one sentence, the hosts stay as they were. */
    public void refused(String why) {
        outcome.set(why);
        reloading.set(false);
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading;
    }

    /** What the last reload did: "Inventory reloaded 14:03:12: 1 host added (web-03)." */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }

    public ReadOnlyBooleanProperty reloadingProperty() {
        return reloading;
    }
}
