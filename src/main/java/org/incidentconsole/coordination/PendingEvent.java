package org.incidentconsole.coordination;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incidentconsole.coordination.AckedEvents.Acked;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;

/**
 * A journal record waiting to be sent to the stream.
 *
 * @param position the stream id it first had, when it is re-published; null for a first sending
 */
record PendingEvent(JournalRecord record, String operator, StreamId position) {

    /** The lost events again, as the local journal holds them, in journal order. */
    static List<PendingEvent> fromJournal(Path journal, List<Acked> lost) throws JournalException {
        Map<Long, Acked> bySeq = new HashMap<>();
        lost.forEach(a -> bySeq.put(a.seq(), a));
        List<PendingEvent> again = new ArrayList<>(lost.size());
        JournalReader.scan(journal, r -> {
            Acked a = bySeq.get(r.seq());
            if (a != null) {
                again.add(new PendingEvent(r, a.operator(), a.position()));
            }
        });
        return again;
    }
}
