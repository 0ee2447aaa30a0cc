package org.incidentconsole.ui.runbook;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.incidentconsole.incident.UnknownRun;

/** "What did you find on the host?" after an unknown run: gives the typed finding (never blank) or null. */
final class AcknowledgeDialog {
    private AcknowledgeDialog() {
    }

    static String ask(Window owner, UnknownRun run) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Unknown run");
        dialog.setHeaderText(run.operator() + "'s console vanished while running " + run.step() + " on "
                + run.host() + ".");
        dialog.getDialogPane().setId("acknowledge-dialog");
        Label prompt = new Label("What did you find on " + run.host() + "? (it goes in the journal)");
        prompt.setWrapText(true);
        TextArea finding = new TextArea();
        finding.setId("acknowledge-finding");
        finding.setPrefRowCount(3);
        finding.setWrapText(true);
        VBox content = new VBox(8, prompt, finding);
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).setId("acknowledge-ok");
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(Bindings.createBooleanBinding(() -> finding.getText().isBlank(), finding.textProperty()));
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("acknowledge-cancel");
        dialog.setResultConverter(button -> button == ButtonType.OK ? finding.getText().strip() : null);
        dialog.setOnShown(e -> finding.requestFocus());
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog.showAndWait().orElse(null);
    }
}
