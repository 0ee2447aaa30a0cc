package org.incidentconsole.ui.breakers;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.incidentconsole.breaker.BreakerCommand;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.ui.common.StateStyles;
import org.incidentconsole.ui.common.StyleClasses;
import org.incidentconsole.ui.incident.IncidentGuard;
import org.incidentconsole.ui.trend.BreakerTrends;
import org.incidentconsole.ui.trend.Sparkline;
import org.incidentconsole.ui.trend.SparklineCell;
import org.incidentconsole.ui.trend.TrendText;

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
    @FXML
    private TextField filter;
    @FXML
    private Label actionResult;
    @FXML
    private Button resetButton;
    @FXML
    private Button tripButton;
    @FXML
    private Button clearButton;

    private final BreakerActionRunner runner;
    private final IncidentGuard guard;
    private BreakerActionsViewModel actions;

    /** @param guard asks for an incident before an action: every action is journaled */
    public BreakerPanelController(BreakerPanelViewModel model, BreakerCommands commands, IncidentGuard guard,
                                  Executor io) {
        this.model = model;
        this.runner = new BreakerActionRunner(commands, io);
        this.guard = guard;
    }

    @FXML
    private void initialize() {
        actions = new BreakerActionsViewModel(Platform::runLater, runner);
        actionResult.textProperty().bind(actions.resultProperty());
        FilteredList<BreakerRow> filtered =
                new FilteredList<>(model.breakers());
        filter.textProperty().addListener((obs, old, now) -> {
            String f = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(f.isEmpty() ? null : r -> r.service().toLowerCase(Locale.ROOT).contains(f)
                    || r.stateText().contains(f));
        });
        SortedList<BreakerRow> sorted =
                new SortedList<>(filtered);
        sorted.comparatorProperty().bind(breakers.comparatorProperty());
        breakers.setItems(sorted);
        breakers.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        keepSelectionAcrossPolls();
        var none = breakers.getSelectionModel().selectedItemProperty().isNull();
        resetButton.disableProperty().bind(none);
        tripButton.disableProperty().bind(none);
        clearButton.disableProperty().bind(none);
        breakers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        breakers.setPlaceholder(new Label("No breakers read yet"));
        serviceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().service()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        stateColumn.setCellFactory(col -> new StateCell());
        failuresColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().failures()));
        openColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().openFor()));
        addTrendColumn();
        rateLimits.setItems(model.rateLimits());
        summary.textProperty().bind(model.summaryProperty());
    }

    /** A poll replaces every row, which empties the table's selection: choose the same breakers again. */
    private void keepSelectionAcrossPolls() {
        var selection = breakers.getSelectionModel();
        boolean[] restoring = {false};
        selection.getSelectedItems().addListener((ListChangeListener<BreakerRow>) c -> {
            if (!restoring[0]) {
                model.choose(List.copyOf(selection.getSelectedItems()));
            }
        });
        model.breakers().addListener((ListChangeListener<BreakerRow>) c -> {
            restoring[0] = true;
            try {
                var shown = breakers.getItems();
                for (int i = 0; i < shown.size(); i++) {
                    if (model.isChosen(shown.get(i))) {
                        selection.select(i);
                    }
                }
            } finally {
                restoring[0] = false;
            }
        });
    }

    @FXML
    private void reset() {
        act(BreakerCommand.RESET, breakers.getSelectionModel().getSelectedItems());
    }

    @FXML
    private void trip() {
        act(BreakerCommand.TRIP, breakers.getSelectionModel().getSelectedItems());
    }

    @FXML
    private void clearFailures() {
        act(BreakerCommand.CLEAR_FAILURES, breakers.getSelectionModel().getSelectedItems());
    }

    @FXML
    private void resetAll() {
        act(BreakerCommand.RESET_ALL, model.breakers());
    }

    /** Shows before → after and runs only on an explicit yes, once an incident is active: every act is journaled. */
    private void act(BreakerCommand command, List<BreakerRow> rows) {
        actions.ask(command, List.copyOf(rows))
                .filter(c -> {
                    boolean yes = BreakerConfirmDialog.of(c, breakers.getScene().getWindow()).ask();
                    breakers.requestFocus(); // back on the table, not on whichever button comes next ("Reset all…")
                    return yes;
                })
                .ifPresent(c -> guard.withIncident(() -> actions.run(c)));
    }

    /**
     * #19 trends: the breaker's state as a band (closed, half-open, open) with its failure count as a line, after
     * the failures; the column's value is the number of readings, so a cell draws again on each poll.
     */
    private void addTrendColumn() {
        TableColumn<BreakerRow, Long> trend = new TableColumn<>("Trend");
        trend.setId("breaker-trend");
        trend.setSortable(false);
        trend.setPrefWidth(Sparkline.WIDTH + 8);
        trend.setMinWidth(44);
        trend.setCellValueFactory(c -> {
            BreakerTrends.Trend t = model.trendOf(c.getValue());
            return new ReadOnlyObjectWrapper<>(t == null ? 0L : t.polls());
        });
        trend.setCellFactory(col -> new SparklineCell<>(row -> {
            BreakerTrends.Trend t = model.trendOf(row);
            return t == null ? null : new SparklineCell.Trend(t.failures(), t.state(), null,
                    TrendText.of(row.service() + " failures", t.failures(), "") + " (band: green closed, amber "
                            + "half-open, red open)");
        }, model.trendMarkers()));
        breakers.getColumns().add(breakers.getColumns().indexOf(failuresColumn) + 1, trend);
    }

    private static final class StateCell extends TableCell<BreakerRow, BreakerRow> {
        StateCell() {
            getStyleClass().add(StyleClasses.BREAKER_STATE);
        }

        @Override
        protected void updateItem(BreakerRow row, boolean empty) {
            super.updateItem(row, empty);
            boolean shown = !empty && row != null;
            // stuck open is shown instead of the state it is stuck in
            StateStyles.show(this, BreakerState.class, shown && !row.stuck() ? row.state() : null);
            pseudoClassStateChanged(StyleClasses.STUCK, shown && row.stuck());
            if (!shown) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText((row.state() == BreakerState.CLOSED ? "● " : "▲ ") + row.stateText());
            setTooltip(row.error().isEmpty() ? null : new Tooltip(row.error()));
        }
    }
}
