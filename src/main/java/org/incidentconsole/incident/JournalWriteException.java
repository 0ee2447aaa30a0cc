package org.incidentconsole.incident;

import java.io.IOException;

/**
 * A record that could not be put on disk; the journal was cut back to its last good record, so it stays
 * loadable, and the next append tries again.
 */
public class JournalWriteException extends IOException {
    private final boolean diskFull;

    public JournalWriteException(String sentence, boolean diskFull, Throwable cause) {
        super(sentence, cause);
        this.diskFull = diskFull;
    }

    /** True when the file system had no space left (the operator frees space, then retries). */
    public boolean diskFull() {
        return diskFull;
    }
}
