package org.incidentconsole.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's delivery of one message: its state, its pending timer, its attempts. Every change happens under
 * this object's lock and is told to the listener under it, so a channel's updates arrive in order.
 */
final class ChannelDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelDelivery.class);

    private final Sender sender;
    private final Outgoing message;
    private final Consumer<DeliveryUpdate> updates;
    private final Executor io;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final RetryPolicy policy;
    private final CompletableFuture<DeliveryUpdate> done = new CompletableFuture<>();

    private DeliveryUpdate last;
    private int attempt;
    private boolean inFlight;
    private boolean cancelAsked;
    private ScheduledFuture<?> timer;

    ChannelDelivery(Sender sender, Outgoing message, Consumer<DeliveryUpdate> updates, Executor io,
                    ScheduledExecutorService scheduler, Clock clock, RetryPolicy policy) {
        this.sender = sender;
        this.message = message;
        this.updates = updates;
        this.io = io;
        this.scheduler = scheduler;
        this.clock = clock;
        this.policy = policy;
    }

    CompletableFuture<DeliveryUpdate> done() {
        return done;
    }

    synchronized void start() {
        next(null, null);
    }

    /** A pending retry (or a send not yet started) ends at once; a send on the wire ends after its answer. */
    synchronized void cancel() {
        if (done.isDone()) {
            return;
        }
        if (inFlight) {
            cancelAsked = true;
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        settle(DeliveryState.CANCELLED, last == null ? null : last.status(), "cancelled by the operator", null);
    }

    /** Announces attempt n+1 and hands it to the I/O pool. */
    private void next(Integer status, String reason) {
        attempt++;
        tell(new DeliveryUpdate(sender.channel(), DeliveryState.SENDING, attempt, status, reason, clock.instant(),
                null, null));
        int mine = attempt;
        try {
            io.execute(() -> run(mine));
        } catch (RejectedExecutionException e) {
            settle(DeliveryState.FAILED, status, "not sent: the console is closing", null);
        }
    }

    private void run(int mine) {
        synchronized (this) {
            if (done.isDone() || mine != attempt) {
                return;
            }
            inFlight = true;
        }
        Attempt result;
        try {
            result = sender.send(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = Attempt.failed(null, "not sent: the console is closing");
        } catch (RuntimeException e) {
            LOG.warn("{}: the sender failed with {}", sender.channel(), e.getClass().getSimpleName());
            result = Attempt.failed(null, "the console could not send it (" + e.getClass().getSimpleName() + ")");
        }
        answered(result);
    }

    private synchronized void answered(Attempt a) {
        inFlight = false;
        if (done.isDone()) {
            return;
        }
        switch (a.result()) {
            case DELIVERED -> settle(DeliveryState.DELIVERED, a.status(), a.reason(), a.ref());
            case FAILED -> settle(DeliveryState.FAILED, a.status(), a.reason(), null);
            case RETRY -> {
                if (cancelAsked) {
                    settle(DeliveryState.CANCELLED, a.status(), "cancelled by the operator after: " + a.reason(),
                            null);
                } else if (attempt >= policy.maxAttempts()) {
                    settle(DeliveryState.FAILED, a.status(), "gave up after " + attempt + " attempts: " + a.reason(),
                            null);
                } else {
                    waitAndRetry(a);
                }
            }
        }
    }

    private void waitAndRetry(Attempt a) {
        Duration wait = policy.waitAfter(attempt, a.retryAfter());
        Instant at = clock.instant();
        tell(new DeliveryUpdate(sender.channel(), DeliveryState.WAITING_RETRY, attempt, a.status(), a.reason(), at,
                at.plus(wait), null));
        try {
            timer = scheduler.schedule(this::retry, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            settle(DeliveryState.FAILED, a.status(), "not retried: the console is closing; last: " + a.reason(), null);
        }
    }

    private synchronized void retry() {
        if (!done.isDone()) {
            timer = null;
            next(last.status(), last.reason());
        }
    }

    private void settle(DeliveryState state, Integer status, String reason, String ref) {
        DeliveryUpdate u = new DeliveryUpdate(sender.channel(), state, attempt, status, reason, clock.instant(), null,
                ref);
        tell(u);
        if (state != DeliveryState.FAILED) {
            LOG.info("{}: {} after {} attempt(s): {}", sender.channel(), state.label(), attempt, reason);
        } else {
            LOG.warn("{}: {} after {} attempt(s): {}", sender.channel(), state.label(), attempt, reason);
        }
        done.complete(u);
    }

    private void tell(DeliveryUpdate u) {
        last = u;
        try {
            updates.accept(u);
        } catch (RuntimeException e) {
            LOG.warn("{}: a delivery listener failed with {}", sender.channel(), e.getClass().getSimpleName());
        }
    }
}
