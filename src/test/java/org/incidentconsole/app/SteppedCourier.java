package org.incidentconsole.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.incidentconsole.notify.Attempt;
import org.incidentconsole.notify.Courier;
import org.incidentconsole.notify.Delivery;
import org.incidentconsole.notify.DeliveryState;
import org.incidentconsole.notify.DeliveryUpdate;
import org.incidentconsole.notify.Outgoing;
import org.incidentconsole.notify.Sender;

/**
 * A synchronous courier for tests (H2 builds the real one): each channel's first try runs inside {@link #send};
 * an answer to try again leaves the channel waiting for a retry until the test {@link Delivery#cancel}s it or
 * asks for the retry with {@link Stepped#retry}.
 */
final class SteppedCourier implements Courier {
    private final Clock clock;
    /** The delivery last started, for the test to step it. */
    volatile Stepped last;

    SteppedCourier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Stepped send(Outgoing message, List<Sender> senders, Consumer<DeliveryUpdate> updates) {
        Stepped d = new Stepped(message, senders, updates);
        last = d;
        senders.forEach(d::attempt);
        return d;
    }

    final class Stepped implements Delivery {
        private final Outgoing message;
        private final Map<String, Sender> senders = new LinkedHashMap<>();
        private final Map<String, DeliveryUpdate> last = new LinkedHashMap<>();
        private final Consumer<DeliveryUpdate> updates;
        private final CompletableFuture<List<DeliveryUpdate>> finished = new CompletableFuture<>();

        Stepped(Outgoing message, List<Sender> senders, Consumer<DeliveryUpdate> updates) {
            this.message = message;
            senders.forEach(s -> this.senders.put(s.channel(), s));
            this.updates = updates;
        }

        synchronized void attempt(Sender s) {
            DeliveryUpdate before = last.get(s.channel());
            int n = before == null ? 1 : before.attempt() + 1;
            tell(new DeliveryUpdate(s.channel(), DeliveryState.SENDING, n, null, null, clock.instant(), null, null));
            Attempt a;
            try {
                a = s.send(message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                a = Attempt.failed(null, "interrupted");
            }
            DeliveryState state = switch (a.result()) {
                case DELIVERED -> DeliveryState.DELIVERED;
                case FAILED -> DeliveryState.FAILED;
                case RETRY -> DeliveryState.WAITING_RETRY;
            };
            tell(new DeliveryUpdate(s.channel(), state, n, a.status(), a.reason(), clock.instant(),
                    a.retryAfter() == null ? null : clock.instant().plus(a.retryAfter()), a.ref()));
        }

        /** The pending retry of {@code channel}, tried now. */
        void retry(String channel) {
            attempt(senders.get(channel));
        }

        @Override
        public synchronized void cancel(String channel) {
            DeliveryUpdate u = last.get(channel);
            if (u != null && !u.state().finished()) {
                tell(new DeliveryUpdate(channel, DeliveryState.CANCELLED, u.attempt(), u.status(), u.reason(),
                        clock.instant(), null, null));
            }
        }

        private void tell(DeliveryUpdate u) {
            last.put(u.channel(), u);
            updates.accept(u);
            if (last.size() == senders.size() && last.values().stream().allMatch(x -> x.state().finished())) {
                finished.complete(new ArrayList<>(last.values()));
            }
        }

        @Override
        public CompletableFuture<List<DeliveryUpdate>> finished() {
            return finished;
        }
    }
}
