package org.incidentconsole.app;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/** Closing the window while a step runs asks first; the journal already holds everything done so far. */
final class CloseGuard {
    private CloseGuard() {
    }

    static boolean confirm(Stage stage) {
        ButtonType close = new ButtonType("Close anyway", ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType("Keep the window open", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.WARNING, "A step is still running on the hosts. Closing the console "
                + "disconnects and stops following it; what ran so far is already in the journal.", stay, close);
        ask.setHeaderText("A step is running");
        ask.getDialogPane().setId("close-during-run");
        ask.initOwner(stage);
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(stay)).setDefaultButton(true);
        return ask.showAndWait().orElse(stay) == close;
    }
}
