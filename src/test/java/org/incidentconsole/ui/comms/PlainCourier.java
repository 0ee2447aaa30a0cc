package org.incidentconsole.ui.comms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.incidentconsole.notify.Attempt;
import org.incidentconsole.notify.Courier;
import org.incidentconsole.notify.Delivery;
import org.incidentconsole.notify.DeliveryState;
import org.incidentconsole.notify.DeliveryUpdate;
import org.incidentconsole.notify.Outgoing;
import org.incidentconsole.notify.Sender;

/**
 * The smallest courier the window's test needs: each channel tries on the pool, waits as Retry-After says (else
 * 1 s, 2 s…) up to three tries, and a pending retry can be cancelled. The console's own courier replaces it.
 */
final class PlainCourier implements Courier {
    private static final int TRIES = 3;
    private final ScheduledExecutorService pool;

    PlainCourier(ScheduledExecutorService pool) {
        this.pool = pool;
    }

    @Override
    public Delivery send(Outgoing message, List<Sender> senders, Consumer<DeliveryUpdate> updates) {
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (Sender s : senders) {
            Channel c = new Channel(s, message, updates);
            channels.put(s.channel(), c);
            c.schedule(Duration.ZERO);
        }
        return new Delivery() {
            @Override
            public void cancel(String channel) {
                Channel c = channels.get(channel);
                if (c != null) {
                    c.cancel();
                }
            }

            @Override
            public CompletableFuture<List<DeliveryUpdate>> finished() {
                List<CompletableFuture<DeliveryUpdate>> all = new ArrayList<>();
                channels.values().forEach(c -> all.add(c.done));
                return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                        .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
            }
        };
    }

    private final class Channel {
        private final Sender sender;
        private final Outgoing message;
        private final Consumer<DeliveryUpdate> updates;
        private final CompletableFuture<DeliveryUpdate> done = new CompletableFuture<>();
        private ScheduledFuture<?> next;
        private Attempt last;
        private int attempt;

        Channel(Sender sender, Outgoing message, Consumer<DeliveryUpdate> updates) {
            this.sender = sender;
            this.message = message;
            this.updates = updates;
        }

        synchronized void schedule(Duration wait) {
            if (!done.isDone()) {
                next = pool.schedule(this::tryOnce, wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void tryOnce() {
            int n;
            synchronized (this) {
                if (done.isDone()) {
                    return;
                }
                n = ++attempt;
            }
            tell(DeliveryState.SENDING, n, null, null, null);
            Attempt a;
            try {
                a = sender.send(message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (this) {
                last = a;
                if (done.isDone()) {
                    return; // cancelled while it was under way
                }
                if (a.result() == Attempt.Result.RETRY && n < TRIES) {
                    Duration wait = a.retryAfter() != null ? a.retryAfter() : Duration.ofSeconds(1L << (n - 1));
                    tell(DeliveryState.WAITING_RETRY, n, a, Instant.now().plus(wait), null);
                    schedule(wait);
                    return;
                }
                settle(a.result() == Attempt.Result.DELIVERED ? DeliveryState.DELIVERED : DeliveryState.FAILED);
            }
        }

        synchronized void cancel() {
            if (next != null) {
                next.cancel(false);
            }
            if (!done.isDone()) {
                settle(DeliveryState.CANCELLED);
            }
        }

        private void settle(DeliveryState state) {
            done.complete(tell(state, attempt, last, null, last == null ? null : last.ref()));
        }

        private DeliveryUpdate tell(DeliveryState state, int n, Attempt a, Instant retryAt, String ref) {
            DeliveryUpdate u = new DeliveryUpdate(sender.channel(), state, n, a == null ? null : a.status(),
                    a == null ? null : a.reason(), Instant.now(), retryAt, ref);
            updates.accept(u);
            return u;
        }
    }
}
