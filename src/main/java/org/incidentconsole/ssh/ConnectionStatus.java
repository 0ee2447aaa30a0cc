package org.incidentconsole.ssh;

import java.time.Instant;

/** A connection state with its reason in plain words (never a stack trace). */
public record ConnectionStatus(ConnectionState state, String reason, Instant at) {
    public static ConnectionStatus of(ConnectionState state, String reason) {
        return new ConnectionStatus(state, reason, Instant.now());
    }
}
