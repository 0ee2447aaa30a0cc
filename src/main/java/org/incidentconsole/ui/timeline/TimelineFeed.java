package org.incidentconsole.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;

/**
 * One incident's journal as timeline entries: what is on disk already, then each record as it is written, none
 * twice and none lost in between. Entries are made off the FX thread and handed over in batches: however fast
 * the journal grows, the FX thread gets one task per batch, never one per event.
 */
final class TimelineFeed {
    private final IncidentSession session;
    private final String zone;
    private final Executor ui;
    private final Consumer<List<TimelineEntry>> deliver;
    private final Object lock = new Object();
    private List<JournalRecord> early = new ArrayList<>();
    private long replayedUpTo = -1;
    private List<TimelineEntry> pending = new ArrayList<>();

    /** @param deliver called on the FX thread with each batch, in the order the records came */
    TimelineFeed(IncidentSession session, Executor ui, Consumer<List<TimelineEntry>> deliver) {
        this.session = session;
        this.zone = session.state().started() == null ? null : session.state().started().zone();
        this.ui = ui;
        this.deliver = deliver;
    }

    IncidentSession session() {
        return session;
    }

    /** Subscribes, then reads what is on disk; call on a worker thread (it reads the journal). */
    void start() throws JournalException {
        session.addRecordListener(this::live);
        List<JournalRecord> onDisk = new ArrayList<>();
        JournalReader.scan(session.journalFile(), onDisk::add);
        List<JournalRecord> caughtUp;
        synchronized (lock) {
            replayedUpTo = onDisk.isEmpty() ? 0 : onDisk.get(onDisk.size() - 1).seq();
            caughtUp = early;
            early = null;
        }
        onDisk.addAll(caughtUp.stream().filter(r -> r.seq() > replayedUpTo).toList());
        offer(onDisk);
    }

    private void live(JournalRecord record) {
        synchronized (lock) {
            if (early != null) {
                early.add(record);
                return;
            }
            if (record.seq() <= replayedUpTo) {
                return;
            }
        }
        offer(List.of(record));
    }

    private void offer(List<JournalRecord> records) {
        List<TimelineEntry> made = new ArrayList<>(records.size());
        for (JournalRecord r : records) {
            // health samples are the trends' numbers (up to one a minute per check): the sparklines show them
            if (!(r.data() instanceof IncidentEvent.HealthSample)) {
                made.add(TimelineEntry.of(r, zone));
            }
        }
        boolean first;
        synchronized (lock) {
            first = pending.isEmpty();
            pending.addAll(made);
        }
        if (first && !made.isEmpty()) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        List<TimelineEntry> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
        }
        if (!batch.isEmpty()) {
            deliver.accept(batch);
        }
    }
}
