package org.incidentconsole.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The time axis of the report's trend charts: from the first trend record to the last record of the incident,
 * cut into at most {@link #MAX} columns of the smallest width in {@link #WIDTHS} that fits. Labels in UTC.
 */
final class TrendColumns {
    static final int MAX = 24;
    static final List<Duration> WIDTHS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12),
            Duration.ofDays(1));
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Instant from;
    private final Duration width;
    private final int count;

    TrendColumns(Instant from, Instant to) {
        Instant end = to.isBefore(from) ? from : to;
        Duration span = Duration.between(from, end);
        Duration w = WIDTHS.get(WIDTHS.size() - 1);
        for (Duration candidate : WIDTHS) {
            if (span.toMillis() / candidate.toMillis() + 1 <= MAX) {
                w = candidate;
                break;
            }
        }
        this.width = w;
        long start = from.toEpochMilli() - Math.floorMod(from.toEpochMilli(), w.toMillis()); // whole widths
        this.from = Instant.ofEpochMilli(start);
        this.count = (int) Math.min(MAX, (end.toEpochMilli() - start) / w.toMillis() + 1);
    }

    int count() {
        return count;
    }

    Duration width() {
        return width;
    }

    /** The column of a time, clamped to the axis. */
    int of(Instant at) {
        long i = Math.floorDiv(at.toEpochMilli() - from.toEpochMilli(), width.toMillis());
        return (int) Math.max(0, Math.min(count - 1, i));
    }

    String label(int column) {
        Instant at = from.plus(width.multipliedBy(column));
        return (width.toSeconds() < 60 ? SECONDS : MINUTES).format(at);
    }

    List<String> labels() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(label(i));
        }
        return out;
    }
}
