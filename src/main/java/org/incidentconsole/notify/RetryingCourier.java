package org.incidentconsole.notify;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The {@link Courier}: each channel on its own, SENDING → (WAITING_RETRY → SENDING)* → DELIVERED, FAILED or
 * CANCELLED. Sends run on {@code io}; waits are timers on {@code scheduler}; the caller never waits. A channel's
 * updates reach {@code updates} in order, one at a time.
 */
public final class RetryingCourier implements Courier {
    private final Executor io;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final RetryPolicy policy;

    public RetryingCourier(Executor io, ScheduledExecutorService scheduler, Clock clock, RetryPolicy policy) {
        this.io = io;
        this.scheduler = scheduler;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public Delivery send(Outgoing message, List<Sender> senders, Consumer<DeliveryUpdate> updates) {
        Map<String, ChannelDelivery> runs = new LinkedHashMap<>();
        for (Sender s : senders) {
            if (runs.containsKey(s.channel())) {
                throw new IllegalArgumentException("channel " + s.channel() + " is named twice in one send");
            }
            runs.put(s.channel(), new ChannelDelivery(s, message, updates, io, scheduler, clock, policy));
        }
        runs.values().forEach(ChannelDelivery::start);
        List<CompletableFuture<DeliveryUpdate>> each = runs.values().stream().map(ChannelDelivery::done).toList();
        CompletableFuture<List<DeliveryUpdate>> all = CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
        return new Delivery() {
            @Override
            public void cancel(String channel) {
                ChannelDelivery run = runs.get(channel);
                if (run == null) {
                    throw new IllegalArgumentException("no channel " + channel + " in this delivery; it has "
                            + runs.keySet());
                }
                run.cancel();
            }

            @Override
            public CompletableFuture<List<DeliveryUpdate>> finished() {
                return all.copy();
            }
        };
    }
}
