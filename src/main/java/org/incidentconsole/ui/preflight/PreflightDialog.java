package org.incidentconsole.ui.preflight;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.incidentconsole.ui.common.DialogSizes;

/**
 * Check all hosts: the preflight table, one row per host, each row filled in as its host finishes. Not modal and
 * run on connections of its own, so live connections, steps and the incident carry on meanwhile.
 */
public final class PreflightDialog {
    public static final String DIALOG_ID = "preflight-dialog";
    static final String CHECKING = "checking…";
    /** Wide cells (fingerprints, reasons) wrap at this width rather than widen the dialog past the screen. */
    private static final double CELL_WIDTH = 340;

    private final Dialog<Void> dialog = new Dialog<>();
    private final GridPane grid = new GridPane();
    private final Label status = new Label();
    private final List<List<Label>> cells = new ArrayList<>();
    private final BooleanProperty running = new SimpleBooleanProperty(true);
    private final int hostCount;
    private int done;
    private int ready;
    private int channelsReady;

    private PreflightDialog(Window owner, PreflightSource source) {
        this.hostCount = source.hostCount();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle("Check all hosts");
        dialog.setHeaderText("Preflight: every host through its path, on connections of its own");
        dialog.getDialogPane().setId(DIALOG_ID);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        status.setId("preflight-status");
        grid.setId("preflight-table");
        grid.setHgap(14);
        grid.setVgap(6);
        List<String> columns = source.columns();
        for (int c = 0; c < columns.size(); c++) {
            Label header = new Label(columns.get(c));
            header.getStyleClass().add("preflight-header");
            header.setStyle("-fx-font-weight: bold");
            header.setMinWidth(Region.USE_PREF_SIZE); // a column of short answers ("yes") never cuts its title
            grid.add(header, c, 0);
        }
        List<String> hosts = source.hosts();
        for (int r = 0; r < hosts.size(); r++) {
            List<Label> row = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                Label cell = new Label(c == 0 ? hosts.get(r) : c == 1 ? CHECKING : "");
                cell.setId("preflight-" + r + "-" + c);
                cell.setWrapText(true);
                cell.setMaxWidth(CELL_WIDTH);
                row.add(cell);
                grid.add(cell, c, r + 1);
            }
            cells.add(row);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        dialog.getDialogPane().setContent(new VBox(10, status, scroll));
        showStatus(hosts.size());
    }

    /**
     * Shows the dialog and starts the check. Call on the FX thread.
     *
     * @return the dialog; {@link #runningProperty()} turns false when every host is checked
     */
    public static PreflightDialog show(Window owner, PreflightSource source) {
        PreflightDialog shown = new PreflightDialog(owner, source);
        shown.dialog.show();
        int total = source.hosts().size();
        source.start(row -> Platform.runLater(() -> shown.fill(row, total)))
                .whenComplete((v, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        shown.status.setText("The check stopped: " + error.getMessage());
                    }
                    shown.running.set(false);
                }));
        return shown;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    private void fill(PreflightSource.Row row, int total) {
        List<Label> labels = cells.get(row.index());
        for (int c = 0; c < labels.size() && c < row.cells().size(); c++) {
            labels.get(c).setText(row.cells().get(c));
        }
        labels.get(0).getStyleClass().add(row.ok() ? "preflight-ok" : "preflight-failed");
        done++;
        if (row.index() < hostCount) {
            ready += row.ok() ? 1 : 0;
        } else {
            channelsReady += row.ok() ? 1 : 0;
        }
        showStatus(total);
        DialogSizes.refit(dialog);
    }

    /** The hosts' count, then the channels' after it when there are any: a channel is not a host. */
    private void showStatus(int total) {
        int channels = total - hostCount;
        status.setText(done < total ? "Checked " + done + " of " + total + (channels == 0 ? " hosts…" : " rows…")
                : ready + " of " + hostCount + " hosts ready for an incident." + (channels == 0 ? ""
                : " " + channelsReady + " of " + channels + (channels == 1 ? " channel has its" : " channels have their")
                + " secrets set."));
    }
}
