package org.incidentconsole.ui.incident;

import java.util.concurrent.CompletableFuture;
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

    /** What the badge's acts do (the window's shared incident). */
    public interface Gateway {
        /** Hands the incident commander role to {@code to}; completes with the sentence to show. */
        CompletableFuture<String> handOverCommander(String to);

        /** Opens the oldest approval request waiting for this operator (FX thread). */
        void reviewApprovals();
    }

    private final Executor ui;
    private volatile Gateway gateway;
    private final SimpleStringProperty text = new SimpleStringProperty("");
    private final SimpleStringProperty detail = new SimpleStringProperty("");
    private final SimpleObjectProperty<Level> level = new SimpleObjectProperty<>();
    private final SimpleStringProperty approvals = new SimpleStringProperty("");

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

    public void use(Gateway acts) {
        this.gateway = acts;
    }

    /** Hands the commander role on; fails with a plain sentence when the incident is not shared. */
    public CompletableFuture<String> handOverCommander(String to) {
        Gateway g = gateway;
        if (g == null || text.get().isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "this incident is not shared: there is no incident commander role to hand over"));
        }
        return g.handOverCommander(to);
    }

    /** "1 approval waiting", or "" (FX thread or any: it is handed to the FX thread). */
    public void approvals(String waiting) {
        ui.execute(() -> approvals.set(waiting == null ? "" : waiting));
    }

    public ReadOnlyStringProperty approvalsProperty() {
        return approvals;
    }

    /** Opens the oldest approval waiting for this operator (FX thread). */
    public void reviewApprovals() {
        Gateway g = gateway;
        if (g != null) {
            g.reviewApprovals();
        }
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
