package org.incidentconsole.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.incidentconsole.inventory.ChannelKind;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.inventory.WebhookShape;

/** Channels as the inventory declares them, with secrets from an in-memory environment, and generated secrets. */
final class TestChannels implements SecretSource {
    private final Map<String, String> env = new HashMap<>();

    TestChannels set(String name, String value) {
        env.put(name, value);
        return this;
    }

    @Override
    public Optional<String> secret(String channel, String what, String envName) {
        return Optional.ofNullable(env.get(envName));
    }

    Sender sender(String name, ChannelKind kind, String urlEnv) {
        return sender(new NotifyChannel(name, kind, 3, urlEnv, null, null), Duration.ofSeconds(10));
    }

    Sender sender(NotifyChannel channel, Duration timeout) {
        return Senders.create(channel, this, timeout, Clock.systemUTC());
    }

    static NotifyChannel webhook(String name, String urlEnv, WebhookShape shape) {
        return new NotifyChannel(name, ChannelKind.WEBHOOK, 9, urlEnv, shape, null);
    }

    /** A token-like secret of {@code n} letters and digits. */
    static String token(Random random, int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static Outgoing message(String subject, String text) {
        return new Outgoing(subject, text, Map.of("title", "Checkout errors", "severity", "P1", "status",
                "mitigating"));
    }
}
