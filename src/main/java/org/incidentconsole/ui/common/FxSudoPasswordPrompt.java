package org.incidentconsole.ui.common;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.incidentconsole.ssh.SudoPasswordPrompt;

/**
 * Asks for a sudo password on a host; the answer stays in memory while the host is connected and is never
 * written, logged or shown. A refused password is said in the header before asking again.
 */
public final class FxSudoPasswordPrompt implements SudoPasswordPrompt {
    private final Supplier<Window> owner;

    public FxSudoPasswordPrompt(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public synchronized char[] password(String host, String user, String problem) {
        return FxDialogs.askAndWait(() -> ask(host, user, problem), null);
    }

    private char[] ask(String host, String user, String problem) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle("sudo password");
        dialog.setHeaderText(problem != null ? problem + ": try again" : "sudo on " + host + " needs a password");
        PasswordField field = new PasswordField();
        field.setId("sudo-password-field");
        dialog.getDialogPane().setContent(new VBox(8, new Label("Password of " + user + " on " + host
                + " (kept in memory until the host disconnects)"), field));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, ButtonType.OK);
        dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        char[] result = dialog.showAndWait().orElse(null);
        field.clear();
        return result;
    }
}
