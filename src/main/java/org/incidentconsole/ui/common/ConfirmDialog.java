package org.incidentconsole.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The one confirmation for a risky act (change breakers, trust a host key, close during a run, resolve while
 * CRITICAL). Cancel is the default button and the act never is: Enter, or closing the window, does nothing
 * risky. Sized by its content ({@link DialogSizes}). Build it on the FX thread.
 */
public final class ConfirmDialog {
    private final Alert alert;
    private final ButtonType act;
    private final ButtonType cancel;

    private ConfirmDialog(Alert.AlertType type, String id, String header, String act, String cancel) {
        this.act = new ButtonType(act, ButtonBar.ButtonData.OK_DONE);
        this.cancel = new ButtonType(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        this.alert = new Alert(type, "", this.cancel, this.act);
        alert.setHeaderText(header);
        alert.getDialogPane().setId(id);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        ((Button) alert.getDialogPane().lookupButton(this.act)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(this.cancel)).setDefaultButton(true);
        DialogSizes.install();
    }

    /** A warning: "Close anyway" / "Keep the window open". */
    public static ConfirmDialog warning(String id, String header, String act, String cancel) {
        return new ConfirmDialog(Alert.AlertType.WARNING, id, header, act, cancel);
    }

    /** A question: "Reset calcom" / "Cancel". */
    public static ConfirmDialog question(String id, String header, String act) {
        return new ConfirmDialog(Alert.AlertType.CONFIRMATION, id, header, act, "Cancel");
    }

    public ConfirmDialog title(String title) {
        alert.setTitle(title);
        return this;
    }

    /** The body as wrapped text. */
    public ConfirmDialog text(String text) {
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(560);
        body.setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setContent(body);
        return this;
    }

    public ConfirmDialog content(Node content) {
        alert.getDialogPane().setContent(content);
        return this;
    }

    /** @param owner null: no owner (the dialog is centred on its screen) */
    public ConfirmDialog owner(Window owner) {
        if (owner != null) {
            alert.initOwner(owner);
        }
        return this;
    }

    /** Shows the dialog and waits: true only when the operator chose the act itself. */
    public boolean ask() {
        return alert.showAndWait().filter(act::equals).isPresent();
    }

    /** The dialog, for a test to show it without waiting. */
    public Alert alert() {
        return alert;
    }

    /** The act's button type, for a test to tell the answers apart. */
    public ButtonType act() {
        return act;
    }
}
