package org.incidentconsole.ssh;

/** An SSH problem, with a message an operator can read. */
public class SshException extends Exception {
    private final boolean permanent;

    public SshException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param permanent retrying will not help (host key refused, authentication refused) */
    public SshException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
