package org.incidentconsole.shell;

/** A script the engine cannot analyse, with the 1-based line (of the analysed text) where the trouble is. */
public class ShellException extends RuntimeException {
    private final int line;

    public ShellException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    public ShellException(int line, String problem, Throwable cause) {
        super("line " + line + ": " + problem, cause);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
