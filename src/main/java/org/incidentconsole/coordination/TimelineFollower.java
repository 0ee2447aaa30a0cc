package org.incidentconsole.coordination;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Follows an incident's stream from its start with {@code XREAD BLOCK}, on a thread of its own, and hands each
 * event to the listener once (the first copy of each {@code eid}), in stream order. Reconnects with back-off when
 * the coordination Redis goes away. A Redis that came back from an older data file holds less than was seen: the
 * follower then reads the stream again from its start, and the eids already seen keep it from handing anything
 * twice, while the publishers re-publish what the stream lost.
 */
public final class TimelineFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineFollower.class);
    static final int BLOCK_MS = 1_000;
    static final int COUNT = 500;

    private final CoordinationEndpoint endpoint;
    private final String key;
    private final Consumer<List<SharedEvent>> listener;
    private final Set<String> seen;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean online;
    private volatile StreamId lastSeen;
    private volatile int handed;
    private volatile Jedis jedis;

    /** Starts following from the stream's start; {@code listener} is called on the follower's thread. */
    public TimelineFollower(CoordinationEndpoint endpoint, String incidentId, Consumer<SharedEvent> listener) {
        this(endpoint, incidentId, StreamId.ZERO, Set.of(), batch -> batch.forEach(e -> {
            try {
                listener.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("shared timeline listener failed on {}", e.eid(), ex);
            }
        }));
    }

    /**
     * Starts following after {@code from} (a copy's last stream id; {@link StreamId#ZERO} for the start), never
     * handing an eid of {@code known}; {@code batches} gets the new events of each read at once, in stream order
     * (never an empty list), on the follower's thread: a copy on disk forces them once per batch.
     */
    public TimelineFollower(CoordinationEndpoint endpoint, String incidentId, StreamId from, Set<String> known,
                            Consumer<List<SharedEvent>> batches) {
        this.endpoint = endpoint;
        this.key = endpoint.eventsKey(incidentId);
        this.listener = batches;
        this.lastSeen = from;
        this.seen = new HashSet<>(known);
        this.reader = new Thread(this::run, "ic-coord-follow-" + incidentId);
        reader.setDaemon(true);
        reader.start();
    }

    public boolean online() {
        return online;
    }

    /** The id of the last entry read: the next read starts after it. */
    public StreamId lastSeen() {
        return lastSeen;
    }

    /** How many distinct events were handed to the listener. */
    public int handed() {
        return handed;
    }

    private void run() {
        long backoff = SharedTimeline.MIN_BACKOFF_MS;
        while (closing.getCount() > 0) {
            try {
                if (jedis == null) {
                    jedis = CoordinationLink.open(endpoint, BLOCK_MS);
                    rewindIfShorter(); // after a reconnect, or at a start resumed from a copy
                    online = true;
                    backoff = SharedTimeline.MIN_BACKOFF_MS;
                }
                var got = jedis.xread(XReadParams.xReadParams().count(COUNT).block(BLOCK_MS),
                        Map.of(key, CoordinationLink.id(lastSeen)));
                if (got != null) {
                    List<SharedEvent> batch = new ArrayList<>();
                    got.forEach(stream -> stream.getValue().forEach(entry -> read(entry, batch)));
                    deliver(batch);
                }
            } catch (JedisException e) {
                if (closing.getCount() == 0) {
                    break;
                }
                dropConnection(CoordinationLink.problem(endpoint, e));
                pause(backoff);
                backoff = Math.min(backoff * 2, SharedTimeline.MAX_BACKOFF_MS);
            }
        }
        dropConnection(null);
    }

    /** After a reconnect: a stream that ends before what was seen came back from an older data file (or empty). */
    private void rewindIfShorter() {
        if (lastSeen.equals(StreamId.ZERO)) {
            return;
        }
        List<StreamEntry> last = jedis.xrevrange(key, "+", "-", 1);
        StreamId end = last.isEmpty() ? null : CoordinationLink.id(last.get(0).getID());
        if (end == null || end.compareTo(lastSeen) < 0) {
            LOG.warn("Shared timeline {} now ends at {}, before {} already read: the coordination Redis restarted"
                    + " with less; reading it again from the start (events already seen are not repeated)", key,
                    end == null ? "nothing" : end, lastSeen);
            lastSeen = StreamId.ZERO;
        }
    }

    private void read(StreamEntry entry, List<SharedEvent> batch) {
        StreamId id = CoordinationLink.id(entry.getID());
        lastSeen = id;
        SharedEvent event;
        try {
            event = StreamEntries.read(id, entry.getFields());
        } catch (UnreadableEntryException e) {
            LOG.warn("{}", e.getMessage());
            return;
        }
        if (seen.add(event.eid())) {
            batch.add(event);
        }
    }

    private void deliver(List<SharedEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        handed += batch.size();
        try {
            listener.accept(List.copyOf(batch));
        } catch (RuntimeException e) {
            LOG.warn("shared timeline listener failed on {} events from {}", batch.size(), batch.get(0).eid(), e);
        }
    }

    private void dropConnection(String why) {
        if (online && why != null) {
            LOG.warn("Following {} paused: {}; reconnecting", key, why);
        }
        online = false;
        Jedis j = jedis;
        jedis = null;
        if (j != null) {
            try {
                j.close();
            } catch (JedisException e) {
                LOG.debug("closing the coordination connection failed", e);
            }
        }
    }

    private void pause(long ms) {
        try {
            closing.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing.countDown();
        }
    }

    /** Stops following; a read in progress is cut off by closing its connection. */
    @Override
    public void close() {
        closing.countDown();
        Jedis j = jedis;
        if (j != null) {
            try {
                j.disconnect();
            } catch (RuntimeException e) {
                LOG.debug("cutting the blocked read off failed", e);
            }
        }
        try {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
