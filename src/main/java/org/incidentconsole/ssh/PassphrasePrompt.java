package org.incidentconsole.ssh;

import java.nio.file.Path;

/**
 * Asks for the passphrase of an identity file. Called off the FX thread; may block. Returns null when the
 * operator cancels. The passphrase is held in memory only.
 */
@FunctionalInterface
public interface PassphrasePrompt {
    char[] passphrase(Path identityFile, int attempt);

    PassphrasePrompt NONE = (file, attempt) -> null;
}
