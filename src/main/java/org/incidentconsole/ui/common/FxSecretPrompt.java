package org.incidentconsole.ui.common;

import java.util.function.Supplier;
import javafx.stage.Window;
import org.incidentconsole.notify.SecretPrompt;

/**
 * Asks for a comms channel's secret (webhook URL, SMTP password, API token) whose environment variable is not
 * set; the answer is kept in memory for this console's session, never written, logged or shown.
 */
public final class FxSecretPrompt implements SecretPrompt {
    private final Supplier<Window> owner;

    public FxSecretPrompt(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public synchronized String ask(String channel, String what, String env) {
        char[] typed = FxDialogs.askAndWait(() -> MaskedQuestion.ask(owner.get(), "Secret for " + channel,
                "The " + what + " of channel " + channel + " is not set (" + env + ")",
                "Paste it here: it is kept in memory until the console closes, never written or logged",
                "comms-secret-field"), null);
        return typed == null ? null : new String(typed);
    }
}
