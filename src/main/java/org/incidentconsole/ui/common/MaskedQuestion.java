package org.incidentconsole.ui.common;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** A question whose answer is a secret: typed into a masked field, returned once, the field cleared. FX thread. */
final class MaskedQuestion {
    private MaskedQuestion() {
    }

    /** The typed characters, or null when cancelled. */
    static char[] ask(Window owner, String title, String header, String explanation, String fieldId) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        PasswordField field = new PasswordField();
        field.setId(fieldId);
        dialog.getDialogPane().setContent(new VBox(8, new Label(explanation), field));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, ButtonType.OK);
        dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        char[] result = dialog.showAndWait().orElse(null);
        field.clear();
        return result;
    }
}
