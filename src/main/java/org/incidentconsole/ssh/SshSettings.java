package org.incidentconsole.ssh;

import java.time.Duration;

/**
 * Timing of the SSH layer. {@code connectTimeout} bounds TCP connect, version exchange and key exchange;
 * {@code requestTimeout} bounds each later request (authentication reply, channel open).
 */
public record SshSettings(Duration connectTimeout, Duration requestTimeout, Duration keepAliveInterval,
                          Duration reconnectInitialDelay, Duration reconnectMaxDelay) {

    public static SshSettings defaults() {
        return new SshSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(15),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public SshSettings withConnectTimeout(Duration timeout) {
        return new SshSettings(timeout, requestTimeout, keepAliveInterval, reconnectInitialDelay, reconnectMaxDelay);
    }

    public SshSettings withReconnectDelays(Duration initial, Duration max) {
        return new SshSettings(connectTimeout, requestTimeout, keepAliveInterval, initial, max);
    }
}
