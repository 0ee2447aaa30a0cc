package org.incidentconsole.ui;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.incidentconsole.ui.common.StyleClasses;
import org.incidentconsole.ui.hosts.HostCell;
import org.incidentconsole.ui.hosts.HostItemViewModel;
import org.incidentconsole.ui.hosts.HostListViewModel;

/** The main window: incident bar, hosts, the runbook area, status bar. Thin: state lives in view models. */
public final class MainWindowController {
    private final HostListViewModel hosts;
    private final Path inventory;
    private final Path logFile;

    @FXML
    private javafx.scene.layout.HBox incidentBar;
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
    private Label connectionSummary;
    @FXML
    private Label inventoryPath;
    @FXML
    private Label logPath;

    public MainWindowController(HostListViewModel hosts, Path inventory, Path logFile) {
        this.hosts = hosts;
        this.inventory = inventory;
        this.logFile = logFile;
    }

    @FXML
    private void initialize() {
        hostList.setItems(hosts.hosts());
        hostList.setCellFactory(list -> new HostCell());
        environmentBadge.textProperty().bind(Bindings.createStringBinding(
                () -> hosts.environmentProperty().get().toUpperCase(), hosts.environmentProperty()));
        environmentBadge.visibleProperty().bind(hosts.environmentProperty().isNotEmpty());
        hosts.environmentProperty().addListener((obs, old, now) -> {
            environmentBadge.getStyleClass().removeIf(c -> c.startsWith("env-"));
            incidentBar.getStyleClass().removeIf(c -> c.startsWith("env-"));
            if (!now.isEmpty()) {
                environmentBadge.getStyleClass().add(StyleClasses.environment(now));
                incidentBar.getStyleClass().add(StyleClasses.environment(now));
            }
        });
        drillNotice.visibleProperty().bind(hosts.environmentProperty().isEqualTo("drill"));
        drillNotice.managedProperty().bind(drillNotice.visibleProperty());
        inventoryMessage.textProperty().bind(hosts.messageProperty());
        inventoryMessage.visibleProperty().bind(hosts.messageProperty().isNotEmpty());
        inventoryMessage.managedProperty().bind(inventoryMessage.visibleProperty());
        connectAllButton.disableProperty().bind(Bindings.isEmpty(hosts.hosts()));
        connectionSummary.textProperty().bind(hosts.summaryProperty());
        inventoryPath.setText("inventory: " + inventory);
        logPath.setText("log: " + logFile);
    }

    @FXML
    private void connectAll() {
        hosts.connectAll();
    }
}
