package org.incidentconsole.ui.health;

import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ui.common.StateStyles;
import org.incidentconsole.ui.common.StyleClasses;
import org.incidentconsole.ui.trend.Sparkline;
import org.incidentconsole.ui.trend.SparklineCell;
import org.incidentconsole.ui.trend.TrendText;

/** The health table and the advisor's line; state lives in {@link HealthPanelViewModel}. */
public final class HealthPanelController {
    private final HealthPanelViewModel model;

    @FXML
    private Label advice;
    @FXML
    private Label reasons;
    @FXML
    private TableView<HealthRow> checks;
    @FXML
    private TableColumn<HealthRow, String> hostColumn;
    @FXML
    private TableColumn<HealthRow, String> checkColumn;
    @FXML
    private TableColumn<HealthRow, HealthStatus> statusColumn;
    @FXML
    private TableColumn<HealthRow, String> valueColumn;
    @FXML
    private TableColumn<HealthRow, String> updatedColumn;

    @FXML
    private Button applyButton;
    private final BiConsumer<Severity, String> apply;

    /** @param apply sets the incident's severity to the suggestion, with the reason */
    public HealthPanelController(HealthPanelViewModel model,
                                 BiConsumer<Severity, String> apply) {
        this.model = model;
        this.apply = apply;
    }

    @FXML
    private void applySuggestion() {
        if (model.suggestedProperty().get() != null) {
            apply.accept(model.suggestedProperty().get(), model.suggestedBecause());
        }
    }

    @FXML
    private void initialize() {
        checks.setItems(model.rows());
        checks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        checks.setPlaceholder(new Label("No health checks yet"));
        hostColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().host()));
        checkColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().check()));
        statusColumn.setCellValueFactory(c -> c.getValue().statusProperty());
        statusColumn.setCellFactory(col -> new StatusCell());
        valueColumn.setCellValueFactory(c -> c.getValue().valueProperty());
        updatedColumn.setCellValueFactory(c -> c.getValue().updatedProperty());
        addTrendColumn();
        advice.textProperty().bind(model.adviceProperty());
        reasons.textProperty().bind(model.reasonsProperty());
        applyButton.disableProperty().bind(model.suggestedProperty().isNull());
        applyButton.textProperty().bind(Bindings.createStringBinding(
                () -> model.suggestedProperty().get() == null ? "Apply" : "Apply " + model.suggestedProperty().get(),
                model.suggestedProperty()));
        model.adviceLevelProperty().addListener((obs, old, now) -> {
            StateStyles.replace(advice, old, now);
        });
    }

    private static final double[] PERCENT = {0, 100};

    /**
     * #19 trends: a sparkline of the check's number beside its status, redrawn when the row's trend moves; before
     * the value so a narrow panel elides the value's text rather than pushing the trend out of sight.
     */
    private void addTrendColumn() {
        TableColumn<HealthRow, Number> trend = new TableColumn<>("Trend");
        trend.setId("health-trend");
        trend.setSortable(false);
        trend.setPrefWidth(Sparkline.WIDTH + 8);
        trend.setMinWidth(44);
        trend.setCellValueFactory(c -> c.getValue().trendVersionProperty());
        trend.setCellFactory(col -> new SparklineCell<>(row -> new SparklineCell.Trend(row.trend(), null,
                "%".equals(row.unit()) ? PERCENT : null, TrendText.of(row.host() + " " + row.check(), row.trend(),
                row.unit())), model.trendMarkers()));
        checks.getColumns().add(checks.getColumns().indexOf(valueColumn), trend);
    }

    /** Status as text and colour, never colour alone. */
    private static final class StatusCell extends TableCell<HealthRow, HealthStatus> {
        StatusCell() {
            getStyleClass().add(StyleClasses.HEALTH_STATUS);
        }

        @Override
        protected void updateItem(HealthStatus status, boolean empty) {
            super.updateItem(status, empty);
            StateStyles.show(this, HealthStatus.class, empty ? null : status);
            if (empty || status == null) {
                setText(null);
                return;
            }
            setText((status == HealthStatus.OK ? "● " : status == HealthStatus.UNKNOWN ? "? " : "▲ ") + status.name());
        }
    }
}
