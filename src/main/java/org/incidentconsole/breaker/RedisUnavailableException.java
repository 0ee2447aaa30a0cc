package org.incidentconsole.breaker;

/** Redis could not be used: not reachable through the tunnel, wrong or missing password, and so on. */
public class RedisUnavailableException extends Exception {
    public RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
