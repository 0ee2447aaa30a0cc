package org.incidentconsole.ui.hosts;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.incidentconsole.ssh.SettingLine;

/**
 * A host's SSH settings and where each came from (the inventory, the operator's ssh_config, the console's
 * default), read off the FX thread as a connect would read them. Not modal: the window stays usable.
 */
public final class HostSettingsDialog {
    public static final String DIALOG_ID = "ssh-settings-dialog";
    private static final List<String> HEADERS = List.of("Setting", "Value", "From");

    private HostSettingsDialog() {
    }

    /** Call on the FX thread; ids: {@code setting-value-<Setting>} and {@code setting-origin-<Setting>}. */
    public static Dialog<Void> show(Window owner, HostItemViewModel host, Executor io) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle("SSH settings of " + host.name());
        dialog.setHeaderText("SSH settings of " + host.name());
        dialog.getDialogPane().setId(DIALOG_ID);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Label reading = new Label("Reading ssh_config…");
        reading.setId("ssh-settings-status");
        dialog.getDialogPane().setContent(reading);
        host.sshSettings(io).whenComplete((lines, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                reading.setText("The settings could not be worked out: " + cause.getMessage());
                reading.setWrapText(true);
            } else {
                dialog.getDialogPane().setContent(table(lines));
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));
        dialog.show();
        return dialog;
    }

    private static GridPane table(List<SettingLine> lines) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        grid.setId("ssh-settings-table");
        for (int c = 0; c < HEADERS.size(); c++) {
            Label header = new Label(HEADERS.get(c));
            header.setStyle("-fx-font-weight: bold");
            header.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(header, c, 0);
        }
        int row = 1;
        for (SettingLine line : lines) {
            Label value = new Label(line.value());
            value.setId("setting-value-" + line.name());
            value.setWrapText(true);
            value.setMaxWidth(420);
            Label origin = new Label(line.origin().label());
            origin.setId("setting-origin-" + line.name());
            origin.setWrapText(true);
            origin.setMaxWidth(420);
            Label name = new Label(line.name());
            name.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row++, name, value, origin);
        }
        return grid;
    }
}
