package org.incidentconsole.ui.incident;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.incidentconsole.incident.PrivateFiles;
import org.incidentconsole.ui.common.ErrorPresenter;
import org.incidentconsole.ui.common.StyleClasses;

/** The exported report: what it says, where it was written, save a copy elsewhere, copy to the clipboard. */
final class ReportPreviewDialog {
    private ReportPreviewDialog() {
    }

    static void show(Window owner, IncidentGateway.ReportExport report, Executor io) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Incident report");
        dialog.setHeaderText("Report written to " + report.file());
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setId("report-preview");
        TextArea text = new TextArea(report.markdown());
        text.setId("report-text");
        text.setEditable(false);
        text.getStyleClass().add(StyleClasses.SCRIPT);
        // as many lines and columns as the report has, up to what fits on the screen; the dialog resizes
        Rectangle2D screen = (owner == null ? Screen.getPrimary()
                : Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                Math.max(1, owner.getHeight())).stream().findFirst().orElse(Screen.getPrimary()))
                .getVisualBounds();
        String[] lines = report.markdown().split("\n", -1);
        int longest = Arrays.stream(lines).mapToInt(String::length).max().orElse(40);
        text.setPrefColumnCount(Math.max(60, Math.min(longest + 2, (int) (screen.getWidth() * 0.8 / 8))));
        text.setPrefRowCount(Math.max(10, Math.min(lines.length + 1, (int) ((screen.getHeight() * 0.85 - 200) / 16))));
        VBox.setVgrow(text, Priority.ALWAYS);
        Label status = new Label();
        status.setId("report-status");
        dialog.getDialogPane().setContent(new VBox(8, text, status));
        ButtonType saveAs = new ButtonType("Save as…", ButtonBar.ButtonData.LEFT);
        ButtonType copy = new ButtonType("Copy", ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(saveAs, copy, ButtonType.CLOSE);
        Button copyButton = (Button) dialog.getDialogPane().lookupButton(copy);
        copyButton.setId("report-copy");
        copyButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            ClipboardContent content = new ClipboardContent();
            content.putString(report.markdown());
            Clipboard.getSystemClipboard().setContent(content);
            status.setText("Copied to the clipboard.");
        });
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(saveAs);
        saveButton.setId("report-save-as");
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the incident report");
            chooser.setInitialFileName(report.suggestedName());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown", "*.md"));
            File chosen = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen == null) {
                return;
            }
            Path target = chosen.toPath();
            status.setText("Saving…");
            io.execute(() -> {
                try {
                    PrivateFiles.writeString(target, report.markdown());
                    Platform.runLater(() -> status.setText("Saved a copy to " + target));
                } catch (IOException ex) {
                    Platform.runLater(() -> status.setText(
                            ErrorPresenter.logged("Not saved", ex)));
                }
            });
        });
        dialog.show();
    }
}
