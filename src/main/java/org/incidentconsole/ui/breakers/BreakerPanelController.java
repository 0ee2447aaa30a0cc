package org.incidentconsole.ui.breakers;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.incidentconsole.breaker.BreakerState;

/** The breaker table and rate limits; state lives in {@link BreakerPanelViewModel}. */
public final class BreakerPanelController {
    private final BreakerPanelViewModel model;

    @FXML
    private Label summary;
    @FXML
    private TableView<BreakerRow> breakers;
    @FXML
    private TableColumn<BreakerRow, String> serviceColumn;
    @FXML
    private TableColumn<BreakerRow, BreakerRow> stateColumn;
    @FXML
    private TableColumn<BreakerRow, String> failuresColumn;
    @FXML
    private TableColumn<BreakerRow, String> openColumn;
    @FXML
    private ListView<String> rateLimits;

    public BreakerPanelController(BreakerPanelViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        breakers.setItems(model.breakers());
        breakers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        breakers.setPlaceholder(new Label("No breakers read yet"));
        serviceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().service()));
        stateColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        stateColumn.setCellFactory(col -> new StateCell());
        failuresColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().failures()));
        openColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().openFor()));
        rateLimits.setItems(model.rateLimits());
        summary.textProperty().bind(model.summaryProperty());
    }

    private static final class StateCell extends TableCell<BreakerRow, BreakerRow> {
        @Override
        protected void updateItem(BreakerRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeIf(s -> s.startsWith("breaker-"));
            if (empty || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText((row.state() == BreakerState.CLOSED ? "● " : "▲ ") + row.stateText());
            getStyleClass().add(row.stuck() ? "breaker-stuck" : "breaker-" + row.state().name().toLowerCase());
            setTooltip(row.error().isEmpty() ? null : new javafx.scene.control.Tooltip(row.error()));
        }
    }
}
