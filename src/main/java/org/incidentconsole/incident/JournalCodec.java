package org.incidentconsole.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON lines for the journal (and the shared timeline's entries): one record per line, ISO timestamps, strict on read. */
public final class JournalCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JournalCodec() {
    }

    public static String line(JournalRecord record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode journal record " + record.seq(), e);
        }
    }

    public static JournalRecord parse(String line) throws JsonProcessingException {
        JournalRecord record = JSON.readValue(line, JournalRecord.class);
        if (record.data() == null || record.ts() == null) {
            throw new IllegalArgumentException("record without type, data or timestamp");
        }
        return record;
    }
}
