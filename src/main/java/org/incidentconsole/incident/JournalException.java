package org.incidentconsole.incident;

import java.nio.file.Path;

/** A journal that cannot be loaded as it is; the file has not been changed. */
public class JournalException extends Exception {
    private final int line;

    public JournalException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
