package org.incidentconsole.ui.incident;

import javafx.stage.Window;
import org.incidentconsole.ui.common.ConfirmDialog;

/** Resolving while a health check is still CRITICAL asks first; Enter keeps the incident open. */
public final class ResolveCriticalDialog {
    public static final String DIALOG_ID = "resolve-critical-dialog";

    private ResolveCriticalDialog() {
    }

    /** @param warning which checks are CRITICAL, in the operator's words */
    public static ConfirmDialog of(String warning, Window owner) {
        return ConfirmDialog.question(DIALOG_ID, "Resolve while a health check is still CRITICAL?", "Resolve anyway")
                .title("A health check is CRITICAL").text(warning).owner(owner);
    }
}
