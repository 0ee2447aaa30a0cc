package org.incidentconsole.coordination;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Who took a run lock: the console, its operator, the step and host, and since when (the console's clock). */
public record LockOwner(String console, String operator, String step, String host, Instant since) {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** "14:02:11" in the reader's zone ("?" when another version wrote the owner). */
    public String sinceIn(ZoneId zone) {
        return since == null ? "?" : CLOCK.format(since.atZone(zone));
    }
}
