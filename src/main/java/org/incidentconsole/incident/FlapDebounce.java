package org.incidentconsole.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stream of observed states per key into the changes worth journaling, so a flapping value cannot flood
 * the journal. Rules, per key:
 * <ul>
 * <li>the first state seen is a change from null (the caller decides whether to journal it); it starts no dwell;</li>
 * <li>the same state again is nothing;</li>
 * <li>a new state is journaled at once if the key's last journaled change is at least {@code dwell} old;</li>
 * <li>otherwise it is held: the latest state is kept and counted as a flap; once the dwell has passed (at the
 * next {@link #offer} of any key or {@link #due}) it is journaled, from the last journaled state, with the flaps
 * folded in — or, if the key came back to its journaled state, the flaps are folded into its next change;</li>
 * <li>{@link #flush()} gives every held change at once (the walk's end, closing the window).</li>
 * </ul>
 * So each key gives at most one event per dwell, and every state change is either journaled or counted.
 */
final class FlapDebounce<K, P> {
    /** {@code from} null on first sight; {@code flaps}: changes seen but not journaled one by one, folded in here. */
    record Change<K, P>(K key, String from, String to, P payload, int flaps) {
    }

    private static final class Entry<P> {
        String journaled;
        String seen;
        P payload;
        Instant lastJournaled;
        int changes;
    }

    private final Duration dwell;
    private final Map<K, Entry<P>> entries = new LinkedHashMap<>();

    FlapDebounce(Duration dwell) {
        this.dwell = dwell;
    }

    /** The changes to journal now: this key's, and any held change whose dwell has passed, in that order. */
    synchronized List<Change<K, P>> offer(K key, String state, P payload, Instant at) {
        List<Change<K, P>> out = new ArrayList<>();
        Entry<P> e = entries.get(key);
        if (e == null) {
            e = new Entry<>();
            e.journaled = state;
            e.seen = state;
            e.payload = payload;
            entries.put(key, e);
            out.add(new Change<>(key, null, state, payload, 0));
        } else if (!state.equals(e.seen)) {
            e.seen = state;
            e.payload = payload;
            e.changes++;
        } else {
            e.payload = payload;
        }
        out.addAll(due(at));
        return out;
    }

    /** Held changes whose dwell has passed at {@code now}. */
    synchronized List<Change<K, P>> due(Instant now) {
        List<Change<K, P>> out = new ArrayList<>();
        entries.forEach((k, e) -> {
            if (!e.seen.equals(e.journaled)
                    && (e.lastJournaled == null || !now.isBefore(e.lastJournaled.plus(dwell)))) {
                out.add(journal(k, e, now));
            }
        });
        return out;
    }

    /** Every held change, dwell or not. */
    synchronized List<Change<K, P>> flush(Instant now) {
        List<Change<K, P>> out = new ArrayList<>();
        entries.forEach((k, e) -> {
            if (!e.seen.equals(e.journaled)) {
                out.add(journal(k, e, now));
            }
        });
        return out;
    }

    /**
     * Each key's journaled state as a first sight (from null), for a journal that has not heard of them yet. The
     * dwell of changes seen before (when no journal heard them) ends here: the next change goes in at once, so a
     * drop and return just after an incident starts are not held behind a change nobody journaled.
     */
    synchronized List<Change<K, P>> baseline() {
        List<Change<K, P>> out = new ArrayList<>();
        entries.forEach((k, e) -> {
            out.add(new Change<>(k, null, e.journaled, e.payload, 0));
            e.lastJournaled = null;
        });
        return out;
    }

    private Change<K, P> journal(K key, Entry<P> e, Instant now) {
        Change<K, P> c = new Change<>(key, e.journaled, e.seen, e.payload, e.changes - 1);
        e.journaled = e.seen;
        e.lastJournaled = now;
        e.changes = 0;
        return c;
    }
}
