package org.incidentconsole.report;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;

/** Records the report can read more than once, in journal order: a journal file (streamed) or a list. */
@FunctionalInterface
public interface RecordSource {
    /** Hands every record to {@code sink}; says what was read. */
    JournalReader.Scan each(Consumer<JournalRecord> sink) throws JournalException;

    static RecordSource journal(Path file) {
        return sink -> JournalReader.scan(file, sink);
    }

    static RecordSource of(List<JournalRecord> records) {
        return sink -> {
            records.forEach(sink);
            long last = records.isEmpty() ? 0 : records.get(records.size() - 1).seq();
            return new JournalReader.Scan(null, records.size(), last, List.of(), 0, 0);
        };
    }
}
