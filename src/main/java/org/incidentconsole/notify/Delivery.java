package org.incidentconsole.notify;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One message's deliveries under way: a pending retry can be cancelled per channel. */
public interface Delivery {
    /** Cancels the channel's pending retry (or its send, if it has not started); a delivered channel stays so. */
    void cancel(String channel);

    /** Completes when every channel is settled, with each channel's last update, in the senders' order. */
    CompletableFuture<List<DeliveryUpdate>> finished();
}
