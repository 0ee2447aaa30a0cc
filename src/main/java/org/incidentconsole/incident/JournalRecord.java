package org.incidentconsole.incident;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** One line of the journal: sequence number, time, schema version, type, and the event. */
@JsonPropertyOrder({"seq", "ts", "v", "type", "data"})
public record JournalRecord(long seq, Instant ts, int v,
                            @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY,
                                    property = "type") IncidentEvent data) {
    public static final int SCHEMA_VERSION = 2;
}
