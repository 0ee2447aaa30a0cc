package org.incidentconsole.ui.incident;

import java.time.Duration;
import java.time.Instant;
import org.incidentconsole.runbook.Budget;

/** The current step's budget against the time since the operator began it: what the incident bar counts down. */
public record StepClock(String step, Budget budget, Instant began) {
    public enum Level { NONE, OK, CLOSE, OVER }

    public Level level(Instant now) {
        if (budget == null || budget.max() == null || began == null) {
            return Level.NONE;
        }
        Duration left = left(now);
        if (left.isNegative()) {
            return Level.OVER;
        }
        long max = budget.max().toSeconds();
        return left.toSeconds() <= Math.max(30, max / 4) ? Level.CLOSE : Level.OK;
    }

    public Duration left(Instant now) {
        return budget.max().minus(Duration.between(began, now));
    }

    /** "Step 3 · 1:40 left of 5 min" or "Step 3 · 0:12 over its 2 min". */
    public String text(Instant now) {
        if (level(now) == Level.NONE) {
            return "";
        }
        Duration left = left(now);
        return left.isNegative() ? step + " · " + clock(left.negated()) + " over its " + budget
                : step + " · " + clock(left) + " left of " + budget;
    }

    public static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
