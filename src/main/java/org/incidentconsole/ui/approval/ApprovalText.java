package org.incidentconsole.ui.approval;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The words both approval dialogs use. */
final class ApprovalText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ApprovalText() {
    }

    /** "14:07:00" in the console's time zone. */
    static String time(Instant at, Clock clock) {
        return at == null ? "?" : TIME.format(at.atZone(clock.getZone()));
    }

    /** "Waiting for a second operator to approve Step 5 on web-01, web-02 — expires 14:07:00". */
    static String waiting(String step, List<String> hosts, Instant expiresAt, Clock clock) {
        return "Waiting for a second operator to approve " + step + " on " + String.join(", ", hosts)
                + " — expires " + time(expiresAt, clock);
    }
}
