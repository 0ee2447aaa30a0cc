package org.incidentconsole.coordination;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * This console's events the stream acknowledged, in the order it sent them (so in stream order). A Redis that
 * restarted from an older data file holds a prefix of the stream it had: what it lost of ours is a suffix of
 * this list, found with a binary search of presence checks.
 */
final class AckedEvents {
    /** @param position the stream id the event first had (kept across re-publishing) */
    record Acked(long seq, StreamId id, StreamId position, String operator) {
    }

    private final List<Acked> acked = new ArrayList<>();

    void add(Acked a) {
        acked.add(a);
    }

    int size() {
        return acked.size();
    }

    Acked last() {
        return acked.isEmpty() ? null : acked.get(acked.size() - 1);
    }

    /**
     * Removes and returns the events the stream no longer holds: {@code held} is asked O(log n) times, and
     * must be true for a prefix of the list and false after it.
     */
    List<Acked> dropLost(Predicate<Acked> held) {
        if (acked.isEmpty() || held.test(last())) {
            return List.of();
        }
        int lo = 0;
        int hi = acked.size() - 1; // known lost
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (held.test(acked.get(mid))) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        List<Acked> tail = acked.subList(lo, acked.size());
        List<Acked> lost = new ArrayList<>(tail);
        tail.clear();
        return lost;
    }
}
