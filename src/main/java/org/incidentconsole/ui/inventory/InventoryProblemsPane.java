package org.incidentconsole.ui.inventory;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The inventory problems panel, across the window under the incident bar: a heading, one row per problem
 * (place · field · what is wrong, each selectable to copy) and Reload. Shown only while there are problems.
 */
public final class InventoryProblemsPane {
    private InventoryProblemsPane() {
    }

    /** Fills {@code panel} (empty, from the FXML) and shows it while {@code model} has problems. */
    public static void install(VBox panel, InventoryProblemsViewModel model) {
        panel.getStyleClass().add("inventory-problems");
        Label heading = new Label();
        heading.setId("inventory-problems-heading");
        heading.getStyleClass().add("inventory-problems-heading");
        heading.setWrapText(true);
        heading.textProperty().bind(model.headingProperty());
        Button reload = new Button("Reload");
        reload.setId("reload-inventory");
        reload.setMinWidth(Button.USE_PREF_SIZE);
        reload.disableProperty().bind(model.reloadingProperty());
        reload.setOnAction(e -> model.reload());
        HBox top = new HBox(12, heading, reload);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(heading, Priority.ALWAYS);
        GridPane rows = new GridPane();
        rows.setId("inventory-problem-list");
        rows.setHgap(16);
        rows.setVgap(4);
        ColumnConstraints text = new ColumnConstraints();
        text.setHgrow(Priority.ALWAYS);
        rows.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(), text);
        model.problems().addListener((ListChangeListener<InventoryProblemsViewModel.Problem>) c -> fill(rows, model));
        fill(rows, model);
        panel.getChildren().setAll(top, rows);
        panel.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        panel.managedProperty().bind(panel.visibleProperty());
    }

    private static void fill(GridPane rows, InventoryProblemsViewModel model) {
        rows.getChildren().clear();
        int i = 0;
        for (InventoryProblemsViewModel.Problem p : model.problems()) {
            Label where = new Label(p.where());
            where.getStyleClass().add("inventory-problem-where");
            where.setId("inventory-problem-" + i);
            Label field = new Label(p.field());
            field.getStyleClass().add("inventory-problem-field");
            Label what = new Label(p.text());
            what.setWrapText(true);
            where.setMinWidth(Label.USE_PREF_SIZE);
            field.setMinWidth(Label.USE_PREF_SIZE);
            rows.addRow(i++, where, field, what);
        }
    }
}
