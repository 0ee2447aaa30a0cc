package org.incidentconsole.coordination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.incidentconsole.incident.JournalCodec;
import org.incidentconsole.incident.JournalRecord;

/**
 * The fields of one stream entry: {@code eid}, {@code console}, {@code operator}, {@code ts}, {@code json} (the
 * journal record exactly as the local journal encodes it) and, on a re-published event, {@code pos} (the stream
 * id it first had).
 */
final class StreamEntries {
    static final String EID = "eid";
    static final String CONSOLE = "console";
    static final String OPERATOR = "operator";
    static final String TS = "ts";
    static final String JSON = "json";
    static final String POSITION = "pos";

    private StreamEntries() {
    }

    static Map<String, String> fields(String console, String operator, JournalRecord record, StreamId firstPosition) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(EID, SharedEvent.eid(console, record.seq()));
        fields.put(CONSOLE, console);
        fields.put(OPERATOR, operator == null ? "" : operator);
        fields.put(TS, record.ts().toString());
        fields.put(JSON, JournalCodec.line(record));
        if (firstPosition != null) {
            fields.put(POSITION, firstPosition.toString());
        }
        return fields;
    }

    /** The event an entry holds; a clear sentence when the entry is not one of ours or from a newer console. */
    static SharedEvent read(StreamId id, Map<String, String> fields) throws UnreadableEntryException {
        String eid = fields.get(EID);
        String console = fields.get(CONSOLE);
        String json = fields.get(JSON);
        if (eid == null || console == null || json == null) {
            throw new UnreadableEntryException(id, "it lacks the eid, console or json field");
        }
        try {
            JournalRecord record = JournalCodec.parse(json);
            String pos = fields.get(POSITION);
            String ts = fields.get(TS);
            String operator = fields.get(OPERATOR);
            return new SharedEvent(eid, console, operator == null || operator.isEmpty() ? null : operator,
                    ts == null ? record.ts() : Instant.parse(ts), id, pos == null ? id : StreamId.parse(pos), record);
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
            String why = e instanceof InvalidTypeIdException t ? "unknown event type '" + t.getTypeId() + "'"
                    : e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new UnreadableEntryException(id, "event " + eid + " from " + console + " is not a journal record"
                    + " this console knows (" + firstLine(why) + "); a newer console may have written it");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
