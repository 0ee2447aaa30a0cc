package org.incidentconsole.coordination;

import java.time.Instant;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.JournalRecord;

/**
 * One event of the shared timeline, as any console reads it from the stream.
 *
 * @param eid      unique per event: the console's id and its local journal sequence ({@code console#seq})
 * @param streamId where this copy sits in the stream
 * @param position where the event sits in the merged timeline: its first stream id, kept when a console
 *                 re-publishes an event the stream lost, so every console orders it the same way
 * @param record   the publishing console's journal record, as its journal holds it (already scrubbed)
 */
public record SharedEvent(String eid, String console, String operator, Instant ts, StreamId streamId,
                          StreamId position, JournalRecord record) {
    public IncidentEvent event() {
        return record.data();
    }

    /** The console's local journal sequence number. */
    public long localSeq() {
        return record.seq();
    }

    /** The eid of a console's local record {@code seq}: {@code console#seq}. */
    public static String eid(String console, long seq) {
        return console + "#" + seq;
    }
}
