package org.incidentconsole.ssh;

import java.time.Duration;

/**
 * Timing of the SSH layer. {@code connectTimeout} bounds TCP connect, version exchange and key exchange together;
 * {@code requestTimeout} bounds each later request (authentication reply, channel open). A keepalive goes to the
 * host every {@code keepAliveInterval} (whole seconds, as OpenSSH's ServerAliveInterval); after
 * {@code keepAliveCountMax} of them in a row go unanswered the connection counts as lost (ServerAliveCountMax):
 * a frozen host is noticed between interval × count and interval × (count + 1) after it froze, as with
 * OpenSSH, which drops the connection at the (count + 1)-th silent interval.
 */
public record SshSettings(Duration connectTimeout, Duration requestTimeout, Duration keepAliveInterval,
                          int keepAliveCountMax, Duration reconnectInitialDelay, Duration reconnectMaxDelay) {

    public SshSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("the SSH connect timeout must be positive, not " + connectTimeout);
        }
        if (keepAliveInterval.toSeconds() < 1 || keepAliveInterval.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("the SSH keepalive interval must be a whole number of seconds, not "
                    + keepAliveInterval);
        }
        if (keepAliveCountMax < 1) {
            throw new IllegalArgumentException("the SSH keepalive count must be at least 1, not " + keepAliveCountMax);
        }
    }

    public static SshSettings defaults() {
        return new SshSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(5), 3,
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public SshSettings withConnectTimeout(Duration timeout) {
        return new SshSettings(timeout, requestTimeout, keepAliveInterval, keepAliveCountMax, reconnectInitialDelay,
                reconnectMaxDelay);
    }

    public SshSettings withReconnectDelays(Duration initial, Duration max) {
        return new SshSettings(connectTimeout, requestTimeout, keepAliveInterval, keepAliveCountMax, initial, max);
    }

    public SshSettings withKeepAlive(Duration interval, int countMax) {
        return new SshSettings(connectTimeout, requestTimeout, interval, countMax, reconnectInitialDelay,
                reconnectMaxDelay);
    }
}
