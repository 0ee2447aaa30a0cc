package org.incidentconsole.ssh;

import java.time.Instant;

/**
 * A connection state with its reason in plain words (never a stack trace). {@code key}: once connected, the key
 * that opened the host ("key ssh-ed25519 SHA256:… (file)"), for the incident's record; null otherwise.
 */
public record ConnectionStatus(ConnectionState state, String reason, Instant at, String key) {
    public ConnectionStatus(ConnectionState state, String reason, Instant at) {
        this(state, reason, at, null);
    }

    public static ConnectionStatus of(ConnectionState state, String reason) {
        return new ConnectionStatus(state, reason, Instant.now(), null);
    }

    /** The reason with the key that opened the host, as the journal keeps it. */
    public String recorded() {
        return key == null ? reason : reason + " with " + key;
    }
}
