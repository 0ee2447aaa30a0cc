package org.incidentconsole.runbook;

import java.time.Duration;

/** How long a step may take, as a range; {@code min} is zero for "within 2 minutes". */
public record Budget(Duration min, Duration max) {
    public long minSeconds() {
        return min.toSeconds();
    }

    public long maxSeconds() {
        return max.toSeconds();
    }

    @Override
    public String toString() {
        if (min.equals(max)) {
            return human(max);
        }
        return min.isZero() ? "≤ " + human(max) : human(min) + "–" + human(max);
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0 && s >= 3600) {
            return s / 3600 + " h";
        }
        if (s % 60 == 0 && s >= 60) {
            return s / 60 + " min";
        }
        return s + " s";
    }
}
