package org.incidentconsole.ui.incident;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The bar's word on a shared incident (#22): "shared · jana (incident commander), ali (operator)", or, amber,
 * "shared timeline offline, 3 events waiting"; empty (hidden) when the incident is not shared. The detail is the
 * tooltip: each console, its role and what it is doing now. Fed from any thread.
 */
public final class ShareBadge {
    /** How the badge is styled. */
    public enum Level { SHARED, OFFLINE }

    private final Executor ui;
    private final SimpleStringProperty text = new SimpleStringProperty("");
    private final SimpleStringProperty detail = new SimpleStringProperty("");
    private final SimpleObjectProperty<Level> level = new SimpleObjectProperty<>();

    public ShareBadge(Executor ui) {
        this.ui = ui;
    }

    public void show(String words, String more, Level now) {
        ui.execute(() -> {
            text.set(words == null ? "" : words);
            detail.set(more == null ? "" : more);
            level.set(now);
        });
    }

    public void hide() {
        show("", "", null);
    }

    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public ReadOnlyObjectProperty<Level> levelProperty() {
        return level;
    }
}
