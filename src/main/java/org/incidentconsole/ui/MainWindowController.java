package org.incidentconsole.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.incidentconsole.ui.common.StateStyles;
import org.incidentconsole.ui.common.StyleClasses;
import org.incidentconsole.ui.common.Theme;
import org.incidentconsole.ui.common.WindowPrefs;
import org.incidentconsole.ui.hosts.HostCell;
import org.incidentconsole.ui.hosts.HostItemViewModel;
import org.incidentconsole.ui.hosts.HostListViewModel;
import org.incidentconsole.ui.inventory.InventoryProblemsPane;
import org.incidentconsole.ui.inventory.InventoryProblemsViewModel;
import org.incidentconsole.ui.preflight.PreflightDialog;
import org.incidentconsole.ui.preflight.PreflightSource;
import org.incidentconsole.ui.timeline.TimelineController;

/** The main window: incident bar, hosts, the runbook area, status bar. Thin: state lives in view models. */
public final class MainWindowController {
    private final HostListViewModel hosts;
    private final Path inventory;
    private final Path logFile;
    private final Executor io;
    private final ObservableStringValue journal;
    private final ObservableStringValue refreshed;

    @FXML
    private HBox incidentBar;
    @FXML
    private Label environmentBadge;
    @FXML
    private Label drillNotice;
    @FXML
    private Label inventoryMessage;
    @FXML
    private ListView<HostItemViewModel> hostList;
    @FXML
    private Button connectAllButton;
    @FXML
    private Button checkAllButton;
    private Supplier<PreflightSource> preflight = () -> null;
    @FXML
    private Label connectionSummary;
    @FXML
    private Label inventoryPath;
    @FXML
    private Label logPath;
    @FXML
    private Label journalPath;
    @FXML
    private Label lastRefresh;
    @FXML
    private ToggleButton lightTheme;
    @FXML
    private SplitPane columns;
    @FXML
    private SplitPane panels;
    @FXML
    private Label productionNotice;
    @FXML
    private VBox inventoryProblems;
    private InventoryProblemsViewModel problems;
    /** The timeline pane's controller (#19), injected by its fx:include. */
    @FXML
    private TimelineController timelinePaneController;

    /**
     * @param journal   the journal file of the incident, as text ("" before one is started)
     * @param refreshed when the panels last refreshed, as text
     */
    public MainWindowController(HostListViewModel hosts, Path inventory, Path logFile,
                                Executor io, ObservableStringValue journal,
                                ObservableStringValue refreshed) {
        this.hosts = hosts;
        this.inventory = inventory;
        this.logFile = logFile;
        this.io = io;
        this.journal = journal;
        this.refreshed = refreshed;
    }

    /** The keys an operator can use instead of the mouse; F1 shows this list in the window. */
    public static final String SHORTCUTS = Shortcut.helpText();

    @FXML
    private void showShortcuts() {
        Alert help = new Alert(
                Alert.AlertType.INFORMATION);
        help.setTitle("Keyboard shortcuts");
        help.setHeaderText("Keyboard shortcuts");
        Label keys = new Label(SHORTCUTS);
        keys.getStyleClass().add(StyleClasses.SHORTCUT_LIST);
        keys.setId("shortcut-list");
        help.getDialogPane().setContent(keys);
        help.getDialogPane().setId("shortcuts-dialog");
        help.initOwner(hostList.getScene().getWindow());
        help.show();
    }

    /** F1 from anywhere in the window. */
    public void showShortcutsNow() {
        showShortcuts();
    }

    @FXML
    private void initialize() {
        hostList.setItems(hosts.hosts());
        hostList.setCellFactory(list -> new HostCell(io));
        journalPath.textProperty().bind(journal);
        lastRefresh.textProperty().bind(refreshed);
        lightTheme.selectedProperty().addListener((obs, old, light) -> applyTheme());
        hostList.sceneProperty().addListener((obs, old, scene) -> applyTheme());
        // the toggle names the theme it switches to, not the one on screen
        lightTheme.textProperty().bind(Bindings.when(lightTheme.selectedProperty())
                .then("Dark theme").otherwise("Light theme"));
        environmentBadge.textProperty().bind(Bindings.createStringBinding(
                () -> hosts.environmentProperty().get().toUpperCase(Locale.ROOT), hosts.environmentProperty()));
        environmentBadge.visibleProperty().bind(hosts.environmentProperty().isNotEmpty());
        hosts.environmentProperty().addListener((obs, old, now) -> {
            StateStyles.replace(environmentBadge, old, now);
            StateStyles.replace(incidentBar, old, now);
        });
        productionNotice.visibleProperty().bind(hosts.environmentProperty().isEqualTo("production"));
        productionNotice.managedProperty().bind(productionNotice.visibleProperty());
        drillNotice.visibleProperty().bind(hosts.environmentProperty().isEqualTo("drill"));
        drillNotice.managedProperty().bind(drillNotice.visibleProperty());
        inventoryMessage.textProperty().bind(hosts.messageProperty());
        inventoryMessage.visibleProperty().bind(hosts.messageProperty().isNotEmpty());
        inventoryMessage.managedProperty().bind(inventoryMessage.visibleProperty());
        connectAllButton.disableProperty().bind(Bindings.isEmpty(hosts.hosts()));
        checkAllButton.disableProperty().bind(Bindings.isEmpty(hosts.hosts()));
        connectionSummary.textProperty().bind(hosts.summaryProperty());
        inventoryPath.setText("inventory: " + inventory);
        logPath.setText("log: " + logFile);
        timelinePaneController.dockIn(panels);
    }

    private void applyTheme() {
        if (hostList.getScene() != null) {
            theme().apply(hostList.getScene());
        }
    }

    private Theme theme() {
        return lightTheme.isSelected() ? Theme.LIGHT
                : Theme.DARK;
    }

    /** Puts the dividers and the theme where the operator left them; lists of another length are ignored. */
    public void restore(WindowPrefs prefs) {
        lightTheme.setSelected(prefs.theme() == Theme.LIGHT);
        restoreDividers(columns, prefs.columns());
        restoreDividers(panels, prefs.panels());
        timelinePaneController.restore(prefs.choices());
    }

    private static void restoreDividers(SplitPane pane, List<Double> fractions) {
        if (fractions.size() == pane.getDividers().size()) {
            pane.setDividerPositions(fractions.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** The layout as it is now, to be remembered; {@code width}/{@code height} are the un-maximized size. */
    public WindowPrefs layout(double width, double height, boolean maximized) {
        return new WindowPrefs(width, height, maximized, positions(columns), positions(panels), theme(),
                timelinePaneController.choices());
    }

    private static List<Double> positions(SplitPane pane) {
        return Arrays.stream(pane.getDividerPositions()).boxed().toList();
    }

    /** The inventory problems panel under the incident bar, with its Reload; the hosts column's Reload too. */
    public void showInventoryProblems(InventoryProblemsViewModel model) {
        problems = model;
        InventoryProblemsPane.install(inventoryProblems, model);
        reloadOutcome.textProperty().bind(model.outcomeProperty());
        reloadOutcome.visibleProperty().bind(model.outcomeProperty().isNotEmpty());
        reloadOutcome.managedProperty().bind(reloadOutcome.visibleProperty());
        reloadHosts.disableProperty().bind(model.reloadingProperty());
    }

    @FXML
    private Label reloadOutcome;
    @FXML
    private Button reloadHosts;

    @FXML
    private void reloadInventory() {
        if (problems != null) {
            problems.reload();
        }
    }

    @FXML
    private void connectAll() {
        hosts.connectAll();
    }

    /** What Check all hosts runs: a new check of the loaded inventory each time, or null before one is loaded. */
    public void checkAllHostsWith(Supplier<PreflightSource> source) {
        this.preflight = source;
    }

    @FXML
    private void checkAllHosts() {
        PreflightSource source = preflight.get();
        if (source != null && !source.hosts().isEmpty()) {
            PreflightDialog check = PreflightDialog.show(hostList.getScene().getWindow(), source);
            checkAllButton.disableProperty().bind(Bindings.isEmpty(hosts.hosts()).or(check.runningProperty()));
        }
    }
}
