package org.incidentconsole.notify;

/** Asks the operator for a channel's secret, off the FX thread; may block; null when cancelled. */
@FunctionalInterface
public interface SecretPrompt {
    String ask(String channel, String what, String env);

    SecretPrompt NONE = (channel, what, env) -> null;
}
