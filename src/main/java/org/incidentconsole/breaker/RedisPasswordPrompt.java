package org.incidentconsole.breaker;

/** Asks the operator for a Redis password (called off the FX thread); null when cancelled. Memory only. */
@FunctionalInterface
public interface RedisPasswordPrompt {
    char[] password(String redis, String environmentVariable);

    RedisPasswordPrompt NONE = (redis, variable) -> null;
}
