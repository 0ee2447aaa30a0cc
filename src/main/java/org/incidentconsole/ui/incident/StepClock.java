package org.incidentconsole.ui.incident;

import java.time.Duration;
import java.time.Instant;
import org.incidentconsole.runbook.Budget;

/**
 * The running step's budget against the time since it started running: what the incident bar counts down.
 * Once the step ended ({@code ended} set) the clock stands still and shows how long the step took, in no
 * warning colour: an over-budget step that finished is history, not an alarm.
 */
public record StepClock(String step, Budget budget, Instant began, Instant ended) {
    public enum Level { NONE, OK, CLOSE, OVER }

    /** A clock running since {@code began}. */
    public StepClock(String step, Budget budget, Instant began) {
        this(step, budget, began, null);
    }

    /** The same clock, stopped at {@code at}. */
    public StepClock stoppedAt(Instant at) {
        return new StepClock(step, budget, began, ended != null ? ended : at);
    }

    public boolean running() {
        return ended == null;
    }

    public Level level(Instant now) {
        if (budget == null || budget.max() == null || began == null || ended != null) {
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
        return budget.max().minus(Duration.between(began, ended != null ? ended : now));
    }

    /** "Step 3 · 1:40 left of 5 min", "Step 3 · 0:12 over its 2 min", once ended "Step 3 · took 6:12 of 5 min". */
    public String text(Instant now) {
        if (budget == null || budget.max() == null || began == null) {
            return "";
        }
        if (ended != null) {
            return step + " · took " + clock(Duration.between(began, ended)) + " of " + budget;
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
