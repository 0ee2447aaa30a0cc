package org.incidentconsole.ui.comms;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.incidentconsole.notify.DeliveryState;
import org.incidentconsole.ui.common.StateStyles;
import org.incidentconsole.ui.common.StyleClasses;

/**
 * The Comms window's delivery rows: per channel its name, its delivery in words coloured by state
 * ({@code .delivery-state:failed}…), and Cancel retry while a retry is pending.
 */
final class DeliveryRows {
    private final GridPane grid = new GridPane();
    private final Consumer<String> cancel;

    /** @param cancel told the channel whose pending retry the operator cancels */
    DeliveryRows(Consumer<String> cancel) {
        this.cancel = cancel;
        grid.setId("comms-deliveries");
        grid.setHgap(12);
        grid.setVgap(4);
    }

    Node node() {
        return grid;
    }

    void show(List<DeliveryRow> deliveries) {
        grid.getChildren().clear();
        int i = 0;
        for (DeliveryRow row : deliveries) {
            Label channel = new Label(row.channel());
            channel.getStyleClass().add(StyleClasses.STEP_TITLE);
            Label state = new Label();
            state.setId("comms-delivery-" + CommsDialog.idPart(row.channel()));
            state.getStyleClass().add(StyleClasses.DELIVERY_STATE);
            state.setWrapText(true);
            state.textProperty().bind(row.textProperty());
            StateStyles.show(state, DeliveryState.class, row.stateProperty().get());
            row.stateProperty().addListener((obs, old, now) -> StateStyles.show(state, DeliveryState.class, now));
            Button stop = new Button("Cancel retry");
            stop.setId("comms-cancel-" + CommsDialog.idPart(row.channel()));
            stop.visibleProperty().bind(row.cancellableProperty());
            stop.managedProperty().bind(stop.visibleProperty());
            stop.setOnAction(e -> cancel.accept(row.channel()));
            grid.addRow(i++, channel, state, stop);
        }
    }
}
