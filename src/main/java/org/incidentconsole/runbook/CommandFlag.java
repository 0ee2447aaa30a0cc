package org.incidentconsole.runbook;

/**
 * A command line that does not end by itself: a {@link Kind#WATCH} (tail -f, kubectl get -w, watch …) runs until
 * the operator ends it; an {@link Kind#INTERACTIVE} one (a REPL, read -p, a password prompt) waits for a terminal
 * and is never run blind. {@code reason} says why, for the operator.
 */
public record CommandFlag(Kind kind, int line, String command, String reason) {
    public enum Kind {
        WATCH,
        INTERACTIVE
    }
}
