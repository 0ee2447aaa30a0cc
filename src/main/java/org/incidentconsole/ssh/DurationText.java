package org.incidentconsole.ssh;

import java.time.Duration;
import java.util.Locale;

/** A duration as an operator reads it: "10 s", "1.5 s", "500 ms" — the exact limit, never rounded down to "0 s". */
final class DurationText {
    private DurationText() {
    }

    static String of(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0).replaceAll("0+$", "") + " s";
    }
}
