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

    /**
     * A parser failure as a located one-sentence problem: too deep a nesting at its deepest line, anything else
     * at line 1 (the libraries do not say where).
     */
    static RunbookException unreadable(String source, String text, Throwable failure) {
        Nesting deepest = Nesting.deepest(text);
        if (failure instanceof StackOverflowError) {
            return new RunbookException(source, Math.max(1, deepest.line()), "nesting too deep to read ("
                    + deepest.levels() + " levels of quotes or lists)");
        }
        String why = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage().lines().findFirst().orElse("");
        RunbookException e = new RunbookException(source, 1, "cannot be read: " + why);
        e.initCause(failure);
        return e;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
