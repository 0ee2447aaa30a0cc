package org.incidentconsole.coordination;

/** The coordination Redis could not be reached or refused the request; the message is one sentence. */
public final class CoordinationUnavailableException extends Exception {
    public CoordinationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
