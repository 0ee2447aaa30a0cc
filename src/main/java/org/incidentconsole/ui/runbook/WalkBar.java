package org.incidentconsole.ui.runbook;

import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.incidentconsole.runbook.Procedure;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ui.incident.StepClock;

/**
 * The stepper's walking controls around the FXML view: the procedure picker under the title, Stable / Not stable
 * with the budget counting down beside Cancel while a watch runs, and the keys (1–9, D, K, S, N) typed anywhere
 * in the stepper outside a text field.
 */
final class WalkBar {
    private WalkBar() {
    }

    static void install(StepperViewModel model, Label title, Button cancelButton, KindPanes kinds) {
        if (title.getParent() instanceof HBox row && row.getParent() instanceof Pane root) {
            root.getChildren().add(root.getChildren().indexOf(row) + 1, procedurePicker(model));
            root.addEventFilter(KeyEvent.KEY_TYPED, e -> {
                if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
                    return;
                }
                if (watchKey(model, e.getCharacter()) || kinds.key(e.getCharacter())) {
                    e.consume();
                }
            });
        }
        if (cancelButton.getParent() instanceof Pane bar) {
            bar.getChildren().add(bar.getChildren().indexOf(cancelButton) + 1, watchControls(model));
        }
    }

    private static boolean watchKey(StepperViewModel model, String typed) {
        if (model.watchSinceProperty().get() == null || typed == null || typed.isEmpty()) {
            return false;
        }
        char c = Character.toLowerCase(typed.charAt(0));
        if (c == 's' || c == 'n') {
            model.endWatch(c == 's');
            return true;
        }
        return false;
    }

    private static Node procedurePicker(StepperViewModel model) {
        ComboBox<Procedure> picker = new ComboBox<>(model.walk().procedures());
        picker.setId("procedure-choice");
        picker.setPromptText("procedure to walk");
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Procedure p) {
                return p == null ? "" : p.name() + "  (" + p.steps().size() + (p.steps().size() == 1 ? " step)"
                        : " steps)");
            }

            @Override
            public Procedure fromString(String text) {
                return null;
            }
        });
        model.walk().procedureProperty().addListener((obs, old, now) -> picker.setValue(now));
        picker.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(model.walk().procedureProperty().get())) {
                model.walk().chooseProcedure(now);
            }
        });
        Label label = new Label("Walk");
        label.setMinWidth(Label.USE_PREF_SIZE);
        HBox row = new HBox(8, label, picker);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(picker, Priority.ALWAYS);
        row.visibleProperty().bind(Bindings.isNotEmpty(model.walk().procedures()));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private static Node watchControls(StepperViewModel model) {
        Button stable = new Button("Stable (S)");
        stable.setId("watch-stable");
        stable.setOnAction(e -> model.endWatch(true));
        Button unstable = new Button("Not stable (N)");
        unstable.setId("watch-not-stable");
        unstable.setOnAction(e -> model.endWatch(false));
        Label clock = new Label();
        clock.setId("watch-clock");
        HBox box = new HBox(8, stable, unstable, clock);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(model.watchSinceProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> clock.setText(text(model))));
        tick.setCycleCount(Timeline.INDEFINITE);
        model.watchSinceProperty().addListener((obs, old, now) -> {
            clock.setText(text(model));
            if (now == null) {
                tick.stop();
            } else {
                tick.play();
            }
        });
        return box;
    }

    /** "watching · 0:42 left of 1 min", or how long it has streamed when the step has no budget. */
    private static String text(StepperViewModel model) {
        Instant since = model.watchSinceProperty().get();
        Step step = model.selectedProperty().get();
        if (since == null) {
            return "";
        }
        if (step == null || step.budget() == null) {
            return "watching · " + StepClock.clock(java.time.Duration.between(since, Instant.now()));
        }
        return new StepClock("watching", step.budget(), since).text(Instant.now());
    }
}
