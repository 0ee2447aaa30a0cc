package org.incidentconsole.ui.common;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.incidentconsole.ssh.PassphrasePrompt;

/** Asks for an identity file's passphrase; the answer stays in memory and is never written anywhere. */
public final class FxPassphrasePrompt implements PassphrasePrompt {
    private final Supplier<Window> owner;

    public FxPassphrasePrompt(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public synchronized char[] passphrase(Path identityFile, int attempt) {
        return FxDialogs.askAndWait(() -> ask(identityFile, attempt), null);
    }

    private char[] ask(Path identityFile, int attempt) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle("Key passphrase");
        dialog.setHeaderText(attempt > 1 ? "Wrong passphrase, try again" : "Passphrase for " + identityFile);
        PasswordField field = new PasswordField();
        field.setId("passphrase-field");
        dialog.getDialogPane().setContent(new VBox(8, new Label(identityFile.toString()), field));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, ButtonType.OK);
        dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        char[] result = dialog.showAndWait().orElse(null);
        field.clear();
        return result;
    }
}
