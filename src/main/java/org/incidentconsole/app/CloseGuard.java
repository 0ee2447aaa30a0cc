package org.incidentconsole.app;

import javafx.stage.Stage;
import org.incidentconsole.ui.common.ConfirmDialog;

/** Closing the window while a step runs asks first; the journal already holds everything done so far. */
final class CloseGuard {
    static final String DIALOG_ID = "close-during-run";

    private CloseGuard() {
    }

    static boolean confirm(Stage stage) {
        return dialog(stage).ask();
    }

    static ConfirmDialog dialog(Stage stage) {
        return ConfirmDialog.warning(DIALOG_ID, "A step is running", "Close anyway", "Keep the window open")
                .text("A step is still running on the hosts. Closing the console disconnects and stops following "
                        + "it; what ran so far is already in the journal.")
                .owner(stage);
    }
}
