package org.incidentconsole.report;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the report shows them: UTC, with the operator's local time and offset beside it. */
final class ReportTimes {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;

    ReportTimes(String zone) {
        ZoneId z;
        try {
            z = zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException e) {
            z = ZoneOffset.UTC;
        }
        this.zone = z;
    }

    String time(Instant at) {
        if (at == null) {
            return "—";
        }
        String utc = TIME.format(at.atZone(ZoneOffset.UTC)) + " UTC";
        if (zone.getRules().getOffset(at).equals(ZoneOffset.UTC)) {
            return utc;
        }
        var local = at.atZone(zone);
        return utc + " (" + TIME.format(local) + " " + OFFSET.format(local) + ")";
    }

    String date(Instant at) {
        return at == null ? "—" : DATE.format(at.atZone(ZoneOffset.UTC));
    }

    static String duration(Duration d) {
        if (d == null) {
            return "not recorded";
        }
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }

    static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
