package org.incidentconsole.breaker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.incidentconsole.inventory.BreakerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one Redis every few seconds, keeps each breaker's transitions and flags breakers open for longer than
 * the threshold. A failed poll is reported and the next one tries again: the panel recovers by itself.
 */
public final class BreakerMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BreakerMonitor.class);
    private static final int HISTORY = 50;

    private final RedisLink link;
    private final BreakerSettings settings;
    private final BreakerReader reader;
    private final Clock clock;
    private final List<Consumer<BreakerPoll>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, BreakerState> lastState = new HashMap<>();
    private final Map<String, Instant> openSince = new HashMap<>();
    private final Map<String, List<TrackedBreaker.Transition>> history = new HashMap<>();
    private volatile BreakerPoll latest;
    private ScheduledFuture<?> task;
    private final AtomicBoolean inFlight = new AtomicBoolean();

    public BreakerMonitor(RedisLink link, BreakerSettings settings, Clock clock) {
        this.link = link;
        this.settings = settings;
        this.reader = new BreakerReader(settings);
        this.clock = clock;
    }

    public void addListener(Consumer<BreakerPoll> listener) {
        listeners.add(listener);
    }

    public BreakerPoll latest() {
        return latest;
    }

    /** Polls on the calling scheduler's thread: for tests and tools with nothing else on that scheduler. */
    public void start(ScheduledExecutorService scheduler) {
        start(scheduler, Runnable::run);
    }

    /**
     * Polls every {@code pollEvery}: the scheduler only hands each poll to {@code work}, so a Redis that stalls
     * (SCAN and pipelines wait up to the socket timeout) never delays the command timeouts and reconnect back-offs
     * that share the scheduler. A poll still running when the next is due is not queued behind it.
     */
    public synchronized void start(ScheduledExecutorService scheduler, Executor work) {
        if (task == null) {
            long every = settings.pollEvery().toMillis();
            task = scheduler.scheduleWithFixedDelay(() -> {
                if (inFlight.compareAndSet(false, true)) {
                    try {
                        work.execute(() -> {
                            try {
                                pollQuietly();
                            } finally {
                                inFlight.set(false);
                            }
                        });
                    } catch (RuntimeException e) {
                        inFlight.set(false);
                        LOG.debug("breaker poll of {} not handed off: {}", link.label(), e.toString());
                    }
                }
            }, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.error("Breaker poll of {} failed unexpectedly", link.label(), e);
        }
    }

    /** One poll, now, on the calling thread. */
    public synchronized BreakerPoll poll() {
        Instant now = clock.instant();
        BreakerSnapshot snapshot;
        try {
            snapshot = link.with(jedis -> reader.read(jedis, now));
        } catch (RedisUnavailableException e) {
            snapshot = BreakerSnapshot.failed(now, e.getMessage());
        }
        BreakerPoll panel = snapshot.error() != null
                ? new BreakerPoll(link.label(), now, latest == null ? List.of() : latest.breakers(), List.of(),
                snapshot.error())
                : new BreakerPoll(link.label(), now, views(snapshot, now), snapshot.rateLimits(), null);
        latest = panel;
        for (Consumer<BreakerPoll> l : listeners) {
            try {
                l.accept(panel);
            } catch (RuntimeException e) {
                LOG.warn("breaker listener failed", e);
            }
        }
        return panel;
    }

    private List<TrackedBreaker> views(BreakerSnapshot snapshot, Instant now) {
        List<TrackedBreaker> views = new ArrayList<>();
        for (Breaker b : snapshot.breakers()) {
            String key = b.stateKey();
            BreakerState before = lastState.put(key, b.state());
            List<TrackedBreaker.Transition> h = history.computeIfAbsent(key, k -> new ArrayList<>());
            if (before != null && before != b.state()) {
                h.add(new TrackedBreaker.Transition(now, before, b.state()));
                LOG.info("Breaker {} on {}: {} -> {}", b.service(), link.label(), before, b.state());
                if (h.size() > HISTORY) {
                    h.remove(0);
                }
            }
            Instant since = null;
            if (b.state() == BreakerState.OPEN) {
                since = b.openedAt() != null ? b.openedAt() : openSince.computeIfAbsent(key, k -> now);
                openSince.putIfAbsent(key, since);
            } else {
                openSince.remove(key);
            }
            Duration openFor = since == null ? null : Duration.between(since, now);
            boolean stuck = openFor != null && openFor.compareTo(settings.stuckOpenAfter()) > 0;
            views.add(new TrackedBreaker(b, since, openFor, stuck, h));
        }
        return views;
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
