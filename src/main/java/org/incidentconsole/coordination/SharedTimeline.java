package org.incidentconsole.coordination;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.incidentconsole.coordination.AckedEvents.Acked;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Publishes this console's journal records to the incident's stream ({@code XADD}), after the local journal has
 * them: the fsynced local journal stays the truth of what this console did. {@link #publish} only queues, so the
 * operator never waits on the coordination Redis; one thread of its own sends the queue in order. While the
 * Redis is unreachable the events wait in memory ({@link ShareState}: offline, N waiting) and go out in order
 * once it is back.
 *
 * <p>A batch whose reply was lost is sent again: the stream may then hold an event twice, and readers keep the
 * first copy of each {@code eid}. (Redis 8.6's {@code XADD IDMP} would spare the second copy; it is not used, so
 * older servers behave the same.) A heartbeat checks that the newest acknowledged event is still in the stream:
 * after a Redis restarted from an older data file (or empty) the events it lost are read again from the local
 * journal and re-published ahead of the queue, carrying the stream id they first had ({@code pos}) so every
 * console orders them as before.
 */
public final class SharedTimeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedTimeline.class);
    static final int BATCH = 100;
    static final long HEARTBEAT_MS = 500;
    static final long MIN_BACKOFF_MS = 50;
    static final long MAX_BACKOFF_MS = 2_000;

    private final CoordinationEndpoint endpoint;
    private final String key;
    private final String console;
    private final Path journalFile;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<PendingEvent> queue = new ArrayDeque<>();
    private final AckedEvents acked = new AckedEvents(); // the sender thread's only
    private final List<Consumer<ShareState>> listeners = new CopyOnWriteArrayList<>();
    private final Thread sender;
    private volatile boolean closed;
    private volatile boolean online;
    private volatile String problem = "not connected yet";
    private volatile int acknowledged;
    private ShareState announced;
    private Jedis jedis; // the sender thread's only

    /**
     * @param console     this console's id, unique among the consoles of the incident (it makes each event's eid)
     * @param journalFile this console's local journal, read again to re-publish what the stream lost
     */
    public SharedTimeline(CoordinationEndpoint endpoint, String incidentId, String console, Path journalFile) {
        if (console == null || console.isBlank()) {
            throw new IllegalArgumentException("a shared timeline needs this console's id");
        }
        this.endpoint = endpoint;
        this.key = endpoint.eventsKey(incidentId);
        this.console = console;
        this.journalFile = journalFile;
        this.sender = new Thread(this::run, "ic-coord-publish-" + incidentId);
        sender.setDaemon(true);
        sender.start();
    }

    /** Shares every record the session journals from now on, signed by whoever the event names. */
    public void attach(IncidentSession session) {
        session.addRecordListener(r -> publish(r, signer(r, session)));
    }

    /**
     * Shares the session's journal from the record after {@code afterSeq} on: what is on disk first, in journal
     * order, then each record as it is written — none twice, none lost in between (a record written while the
     * journal is read waits until the read is done). {@code afterSeq}: the newest of this console's events the
     * stream already holds (a resumed incident), or the record before the first this console shares.
     */
    public void share(IncidentSession session, long afterSeq) throws JournalException {
        List<JournalRecord> early = new ArrayList<>();
        long[] readUpTo = {-1};
        session.addRecordListener(r -> {
            synchronized (early) {
                if (readUpTo[0] < 0) {
                    early.add(r);
                    return;
                }
                if (r.seq() <= readUpTo[0]) {
                    return;
                }
            }
            publish(r, signer(r, session));
        });
        List<JournalRecord> onDisk = new ArrayList<>();
        JournalReader.scan(session.journalFile(), r -> {
            if (r.seq() > afterSeq) {
                onDisk.add(r);
            }
        });
        synchronized (early) {
            long last = onDisk.isEmpty() ? afterSeq : onDisk.get(onDisk.size() - 1).seq();
            for (JournalRecord r : early) {
                if (r.seq() > last) {
                    onDisk.add(r);
                    last = r.seq();
                }
            }
            onDisk.forEach(r -> publish(r, signer(r, session)));
            readUpTo[0] = last;
        }
    }

    private static String signer(JournalRecord r, IncidentSession session) {
        return r.data() instanceof IncidentEvent.Signed s && s.by() != null ? s.by() : session.operator();
    }

    /** Queues a record the local journal already holds; returns at once. */
    public void publish(JournalRecord record, String operator) {
        lock.lock();
        try {
            if (closed) {
                LOG.warn("Shared timeline {} closed: event {} stays local only", key, record.seq());
                return;
            }
            queue.addLast(new PendingEvent(record, operator, null));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every event queued so far is in the stream, at most {@code timeout}: before a tool that shares an
     * incident closes. False if some are still waiting (they stay in the local journal).
     */
    public boolean awaitSent(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (!queue.isEmpty() && !closed) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    public String console() {
        return console;
    }

    public ShareState state() {
        return new ShareState(online, waiting(), online ? null : problem, acknowledged);
    }

    /** Called on the publisher's thread each time {@link #state()} changes, and once at once. */
    public void addStateListener(Consumer<ShareState> listener) {
        listeners.add(listener);
        listener.accept(state());
    }

    private int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long backoff = MIN_BACKOFF_MS;
        while (!closed) {
            try {
                if (jedis == null) {
                    jedis = CoordinationLink.open(endpoint, 0);
                    republishLost();
                    online = true;
                    backoff = MIN_BACKOFF_MS;
                    LOG.info("Shared timeline {} online on {}", key, endpoint.address());
                }
                announce();
                List<PendingEvent> batch = nextBatch();
                if (batch.isEmpty()) {
                    republishLost(); // the heartbeat: is our newest event still there?
                } else {
                    send(batch);
                }
            } catch (JedisException e) {
                disconnect(CoordinationLink.problem(endpoint, e));
                announce();
                pause(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
        disconnect("closed");
    }

    /** Up to {@link #BATCH} events from the head of the queue (left there until acknowledged), or none after a heartbeat. */
    private List<PendingEvent> nextBatch() {
        lock.lock();
        try {
            if (queue.isEmpty() && !closed) {
                changed.await(HEARTBEAT_MS, TimeUnit.MILLISECONDS);
            }
            List<PendingEvent> batch = new ArrayList<>(Math.min(BATCH, queue.size()));
            for (PendingEvent p : queue) {
                if (batch.size() == BATCH) {
                    break;
                }
                batch.add(p);
            }
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    private void send(List<PendingEvent> batch) {
        List<Response<StreamEntryID>> ids = new ArrayList<>(batch.size());
        try (Pipeline p = jedis.pipelined()) {
            for (PendingEvent e : batch) {
                ids.add(p.xadd(key, XAddParams.xAddParams(), StreamEntries.fields(console, e.operator(), e.record(),
                        e.position())));
            }
            p.sync();
        }
        for (int i = 0; i < batch.size(); i++) {
            PendingEvent sent = batch.get(i);
            StreamId id = CoordinationLink.id(ids.get(i).get());
            acked.add(new Acked(sent.record().seq(), id, sent.position() == null ? id : sent.position(),
                    sent.operator()));
        }
        acknowledged = acked.size();
        lock.lock();
        try {
            for (int i = 0; i < batch.size(); i++) {
                queue.removeFirst(); // only this thread removes, and adds go to the tail: the batch is the head
            }
            changed.signalAll(); // awaitSent
        } finally {
            lock.unlock();
        }
    }

    /** Puts the events the stream lost back at the head of the queue, read from the local journal. */
    private void republishLost() {
        List<Acked> lost = acked.dropLost(this::held); // round trips: never under the lock publish() takes
        acknowledged = acked.size();
        if (lost.isEmpty()) {
            return;
        }
        List<PendingEvent> again = List.of();
        try {
            again = PendingEvent.fromJournal(journalFile, lost);
        } catch (JournalException e) {
            LOG.error("Shared timeline {}: the stream lost {} of this console's events and the local journal {}"
                    + " could not be read again to re-publish them: {}", key, lost.size(), journalFile,
                    e.getMessage());
        }
        LOG.warn("Shared timeline {}: the coordination Redis lost {} of this console's events (from local event {});"
                + " re-publishing {} from the local journal", key, lost.size(), lost.get(0).seq(), again.size());
        lock.lock();
        try {
            for (int i = again.size() - 1; i >= 0; i--) {
                queue.addFirst(again.get(i));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the stream still holds this acknowledged event at the id it was acknowledged with. */
    private boolean held(Acked a) {
        StreamEntryID id = CoordinationLink.id(a.id());
        List<StreamEntry> at = jedis.xrange(key, id, id, 1);
        return !at.isEmpty() && SharedEvent.eid(console, a.seq()).equals(at.get(0).getFields().get(StreamEntries.EID));
    }

    private void disconnect(String why) {
        boolean news = online || !why.equals(problem);
        online = false;
        problem = why;
        if (jedis != null) {
            try {
                jedis.close();
            } catch (JedisException e) {
                LOG.debug("closing the coordination connection failed", e);
            }
            jedis = null;
        }
        if (news && !closed) {
            LOG.warn("Shared timeline {} offline: {}; events waiting in memory: {}", key, why, waiting());
        }
    }

    /** Waits out a reconnect back-off, telling listeners when events queue up meanwhile; close ends it. */
    private void pause(long ms) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (!closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            lock.lock();
            try {
                changed.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            } finally {
                lock.unlock();
            }
            announce();
        }
    }

    private void announce() {
        ShareState now = state();
        if (now.equals(announced)) {
            return;
        }
        announced = now;
        for (Consumer<ShareState> l : listeners) {
            try {
                l.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("shared timeline state listener failed", e);
            }
        }
    }

    /** Stops sending; what is still queued stays in the local journal only (logged). */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            sender.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = waiting();
        if (left > 0) {
            LOG.warn("Shared timeline {} closed; events not shared (they are in the local journal): {}", key, left);
        }
    }
}
