package org.incidentconsole.coordination;

/** An act the shared incident does not allow (e.g. a hand-over by someone who is not commander); one sentence. */
public final class CoordinationRefusedException extends Exception {
    public CoordinationRefusedException(String message) {
        super(message);
    }
}
