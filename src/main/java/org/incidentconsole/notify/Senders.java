package org.incidentconsole.notify;

import org.incidentconsole.inventory.NotifyChannel;

/** The sender for each kind of channel: one place that knows them all. */
public final class Senders {
    private Senders() {
    }

    public static Sender create(NotifyChannel channel, SecretSource secrets) {
        return switch (channel.kind()) {
            case EMAIL -> new EmailSender(channel, secrets);
            default -> throw new UnsupportedOperationException("no sender for " + channel.kind().label() + " yet");
        };
    }
}
