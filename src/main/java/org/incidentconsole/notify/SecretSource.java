package org.incidentconsole.notify;

import java.util.Optional;

/**
 * Where a channel's secret comes from: the environment variable the inventory names, else (in the window) a
 * prompt whose answer is kept in memory for the session. Empty when there is neither.
 */
public interface SecretSource {
    /**
     * @param channel the channel's name, for the prompt
     * @param what    what the secret is, in words ("webhook URL", "SMTP password", "API token")
     * @param env     the environment variable the inventory names
     */
    Optional<String> secret(String channel, String what, String env);
}
