package org.incidentconsole.ui.common;

import java.nio.file.Path;
import java.util.function.Supplier;
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
        return FxDialogs.askAndWait(() -> MaskedQuestion.ask(owner.get(), "Key passphrase",
                attempt > 1 ? "Wrong passphrase, try again" : "Passphrase for " + identityFile,
                identityFile.toString(), "passphrase-field"), null);
    }
}
