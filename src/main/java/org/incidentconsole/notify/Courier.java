package org.incidentconsole.notify;

import java.util.List;
import java.util.function.Consumer;

/**
 * Delivers one message to several channels at once, each on its own, with retries: never blocks the caller; each
 * change of a channel's delivery is told to {@code updates} (on a worker thread).
 */
public interface Courier {
    Delivery send(Outgoing message, List<Sender> senders, Consumer<DeliveryUpdate> updates);
}
