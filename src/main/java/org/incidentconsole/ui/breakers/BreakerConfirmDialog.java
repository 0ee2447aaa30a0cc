package org.incidentconsole.ui.breakers;

import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.incidentconsole.ui.common.ConfirmDialog;

/** A breaker action's confirmation: each breaker's before → after; Enter cancels. */
public final class BreakerConfirmDialog {
    public static final String DIALOG_ID = "breaker-confirm";

    private BreakerConfirmDialog() {
    }

    public static ConfirmDialog of(BreakerActionsViewModel.Confirmation c, Window owner) {
        TextArea preview = new TextArea(c.preview());
        preview.setEditable(false);
        preview.setId("breaker-preview");
        preview.setPrefRowCount(Math.min(BreakerActionsViewModel.PREVIEW_ROWS, c.rows().size() + 1));
        return ConfirmDialog.question(DIALOG_ID, c.title() + "?", c.title()).title("Confirm breaker action")
                .content(preview).owner(owner);
    }
}
