package org.incidentconsole.runbook;

/** A runbook that cannot be loaded at all, with the line where the trouble is (1-based). */
public class RunbookException extends Exception {
    private final String source;
    private final int line;

    public RunbookException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
