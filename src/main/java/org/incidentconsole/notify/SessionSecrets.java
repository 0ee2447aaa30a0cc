package org.incidentconsole.notify;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The comms channels' secrets for this console: the environment variable the inventory names, else the operator's
 * answer to a prompt, kept in memory for the session (never written, never logged) and forgotten at {@link #clear()}.
 */
public final class SessionSecrets implements SecretSource {
    private final Map<String, String> env;
    private final SecretPrompt prompt;
    private final Map<String, String> answered = new ConcurrentHashMap<>();

    public SessionSecrets(Map<String, String> env, SecretPrompt prompt) {
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
    public boolean inEnvironment(String name) {
        String set = name == null ? null : env.get(name);
        return set != null && !set.isBlank();
    }

    public void clear() {
        answered.clear();
    }
}
