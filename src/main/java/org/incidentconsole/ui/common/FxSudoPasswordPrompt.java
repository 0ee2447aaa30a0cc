package org.incidentconsole.ui.common;

import java.util.function.Supplier;
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
        return FxDialogs.askAndWait(() -> MaskedQuestion.ask(owner.get(), "sudo password",
                problem != null ? problem + ": try again" : "sudo on " + host + " needs a password",
                "Password of " + user + " on " + host + " (kept in memory until the host disconnects)",
                "sudo-password-field"), null);
    }
}
