package org.incidentconsole.ui.incident;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.incidentconsole.severity.Severity;

/** Title, trigger, severity, impact and detection time, editable after the start; each change is journaled. */
final class EditIncidentDialog {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private EditIncidentDialog() {
    }

    static Optional<IncidentDetails> ask(Window owner, IncidentDetails now) {
        Dialog<IncidentDetails> dialog = new Dialog<>();
        dialog.setTitle("Edit the incident");
        dialog.setHeaderText("Changes are journaled with your name and the time.");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setId("edit-incident-dialog");
        TextField title = field("edit-title", now.title());
        TextField trigger = field("edit-trigger", now.trigger());
        ComboBox<Severity> severity = new ComboBox<>();
        severity.setId("edit-severity");
        severity.getItems().setAll(Severity.values());
        severity.setValue(now.severity());
        severity.setCellFactory(l -> StartIncidentDialog.severityCell());
        severity.setButtonCell(StartIncidentDialog.severityCell());
        TextField impact = field("edit-impact", now.impact());
        impact.setPromptText("who or what was affected, how many");
        TextField detected = field("edit-detected-at", now.detectedAt());
        detected.setPromptText("e.g. 2026-11-24T07:58:00Z");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Title"), title);
        form.addRow(1, new Label("Trigger"), trigger);
        form.addRow(2, new Label("Severity"), severity);
        form.addRow(3, new Label("User impact"), impact);
        form.addRow(4, new Label("Detected at (UTC)"), detected);
        title.setPrefColumnCount(36);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(SAVE, ButtonType.CANCEL);
        dialog.setOnShown(e -> Platform.runLater(title::requestFocus));
        dialog.setResultConverter(button -> button == SAVE ? new IncidentDetails(title.getText(), trigger.getText(),
                severity.getValue(), impact.getText(), detected.getText()) : null);
        return dialog.showAndWait();
    }

    private static TextField field(String id, String text) {
        TextField f = new TextField(text == null ? "" : text);
        f.setId(id);
        return f;
    }
}
