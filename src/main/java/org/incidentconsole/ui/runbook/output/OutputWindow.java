package org.incidentconsole.ui.runbook.output;

import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Detaching the output into a window of its own and back: the output moves whole (same lists, same state); the
 * stepper keeps a line saying where it went with an Attach button. Closing the window attaches it again.
 */
public final class OutputWindow {
    private final OutputPane pane;
    private final Pane holder;
    private final BooleanProperty detached;
    private final Supplier<Window> owner;
    private final VBox away = new VBox(6);
    private Stage stage;

    public OutputWindow(OutputPane pane, Pane holder, BooleanProperty detached, Supplier<Window> owner) {
        this.pane = pane;
        this.holder = holder;
        this.detached = detached;
        this.owner = owner;
        Label where = new Label("The output shows in its own window.");
        Button attach = new Button("Attach here");
        attach.setId("output-attach");
        attach.setOnAction(e -> attach());
        away.getChildren().addAll(where, attach);
        away.setId("output-away");
        away.getStyleClass().add("output-away");
    }

    public void toggle() {
        if (detached.get()) {
            attach();
        } else {
            detach();
        }
    }

    public void detach() {
        if (detached.get()) {
            return;
        }
        holder.getChildren().setAll(away);
        Window main = owner.get();
        stage = new Stage();
        stage.setTitle("Output — Incident Console");
        Scene scene = new Scene(pane.node(), 900, 600);
        if (main != null && main.getScene() != null) {
            scene.getStylesheets().setAll(main.getScene().getStylesheets());
            if (main.getScene().getRoot() != null) {
                scene.getRoot().getStyleClass().addAll(main.getScene().getRoot().getStyleClass().stream()
                        .filter(c -> !scene.getRoot().getStyleClass().contains(c)).toList());
            }
            stage.initOwner(main);
        }
        scene.getRoot().getStyleClass().add("output-window");
        stage.setScene(scene);
        stage.setOnHidden(e -> attach());
        detached.set(true);
        stage.show();
    }

    public void attach() {
        if (!detached.get()) {
            return;
        }
        detached.set(false);
        Stage was = stage;
        stage = null;
        if (was != null) {
            was.setOnHidden(null);
            was.getScene().setRoot(new Pane()); // frees the output to live in the stepper again
            was.hide();
        }
        holder.getChildren().setAll(pane.node());
    }

    /** Brings the detached window forward (Ctrl+F while it is detached); nothing when attached. */
    public void toFront() {
        if (stage != null) {
            stage.toFront();
            stage.requestFocus();
        }
    }
}
