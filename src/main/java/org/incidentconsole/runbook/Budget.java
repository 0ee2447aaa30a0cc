package org.incidentconsole.runbook;

import java.time.Duration;

/**
 * How long a step may take, as a range; {@code min} is zero for "within 2 minutes". {@code inherited} is true when
 * the step has no budget of its own and shows its nearest ancestor heading's.
 */
public record Budget(Duration min, Duration max, boolean inherited) {
    public Budget(Duration min, Duration max) {
        this(min, max, false);
    }

    public long minSeconds() {
        return min.toSeconds();
    }

    public long maxSeconds() {
        return max.toSeconds();
    }

    /** This budget as shown on a sub-step that has none of its own. */
    public Budget asInherited() {
        return new Budget(min, max, true);
    }

    @Override
    public String toString() {
        String range;
        if (min.equals(max)) {
            range = human(max);
        } else {
            range = min.isZero() ? "≤ " + human(max) : human(min) + "–" + human(max);
        }
        return inherited ? range + " (group)" : range;
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        if (s % 86400 == 0 && s >= 86400) {
            return s / 86400 + " d";
        }
        if (s % 3600 == 0 && s >= 3600) {
            return s / 3600 + " h";
        }
        if (s % 60 == 0 && s >= 60) {
            return s / 60 + " min";
        }
        return s + " s";
    }
}
