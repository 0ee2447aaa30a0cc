package org.incidentconsole.app;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.incidentconsole.notify.SecretSource;

/**
 * The comms channels' secrets for this console: the environment variable the inventory names, else the operator's
 * answer to a prompt, kept in memory for the session (never written, never logged) and forgotten at {@link #clear()}.
 */
final class CommsSecrets implements SecretSource {
    /** Asks the operator for a secret, off the FX thread; may block; null when cancelled. */
    @FunctionalInterface
    interface Prompt {
        String ask(String channel, String what, String env);

        Prompt NONE = (channel, what, env) -> null;
    }

    private final Map<String, String> env;
    private final Prompt prompt;
    private final Map<String, String> answered = new ConcurrentHashMap<>();

    CommsSecrets(Map<String, String> env, Prompt prompt) {
        this.env = Map.copyOf(env);
        this.prompt = prompt;
    }

    @Override
    public Optional<String> secret(String channel, String what, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String set = env.get(name);
        if (set != null && !set.isBlank()) {
            return Optional.of(set);
        }
        String known = answered.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        synchronized (this) { // one question at a time, and never twice for the same variable
            known = answered.get(name);
            if (known != null) {
                return Optional.of(known);
            }
            String typed = prompt.ask(channel, what, name);
            if (typed == null || typed.isBlank()) {
                return Optional.empty();
            }
            answered.put(name, typed.strip());
            return Optional.of(typed.strip());
        }
    }

    /** Whether the environment holds the variable (preflight, --dry-run): never asks. */
    boolean inEnvironment(String name) {
        String set = name == null ? null : env.get(name);
        return set != null && !set.isBlank();
    }

    void clear() {
        answered.clear();
    }
}
