package org.incidentconsole.coordination;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.incidentconsole.incident.JournalRecord;

/**
 * Every console's events of one incident, each once, in stream order (the position each event first had in the
 * stream, then its eid): a function of the set of events only, so every console that has read the same events
 * holds the same list, the input of a report that is byte-identical on every console. Thread-safe.
 */
public final class MergedTimeline {
    private static final Comparator<SharedEvent> STREAM_ORDER = Comparator.<SharedEvent, StreamId>comparing(SharedEvent::position)
            .thenComparing(SharedEvent::eid, Comparator.naturalOrder());

    private final Set<String> eids = new HashSet<>();
    private final TreeSet<SharedEvent> events = new TreeSet<>(STREAM_ORDER);

    /** Adds an event; false if its eid is already here. */
    public synchronized boolean add(SharedEvent event) {
        if (!eids.add(event.eid())) {
            return false;
        }
        events.add(event);
        return true;
    }

    /** Adds each event not here yet; returns how many were new. */
    public synchronized int addAll(Collection<SharedEvent> more) {
        int added = 0;
        for (SharedEvent e : more) {
            if (add(e)) {
                added++;
            }
        }
        return added;
    }

    public synchronized boolean contains(String eid) {
        return eids.contains(eid);
    }

    /** The consoles whose events are here, in the order of their first event. */
    public synchronized List<String> consoles() {
        Set<String> out = new LinkedHashSet<>();
        events.forEach(e -> out.add(e.console()));
        return List.copyOf(out);
    }

    public synchronized int size() {
        return events.size();
    }

    public synchronized List<SharedEvent> events() {
        return List.copyOf(events);
    }

    /** The eids in merged order: what two consoles compare. */
    public synchronized List<String> eids() {
        List<String> out = new ArrayList<>(events.size());
        events.forEach(e -> out.add(e.eid()));
        return out;
    }

    /** Each console's journal records in merged order. */
    public synchronized List<JournalRecord> records() {
        List<JournalRecord> out = new ArrayList<>(events.size());
        events.forEach(e -> out.add(e.record()));
        return out;
    }
}
