package org.incidentconsole.breaker;

import java.util.Locale;

/** What the operator can do to breakers from the panel. The journal keeps each result's own text. */
public enum BreakerCommand {
    RESET(false),
    TRIP(false),
    CLEAR_FAILURES(false),
    RESET_ALL(true),
    TRIP_ALL(true),
    CLEAR_RATE_LIMITS(true);

    private final boolean everyBreaker;

    BreakerCommand(boolean everyBreaker) {
        this.everyBreaker = everyBreaker;
    }

    /** True when it acts on every breaker of a Redis at once, not on one service. */
    public boolean everyBreaker() {
        return everyBreaker;
    }

    /** The state a breaker is left in, for the preview shown before the operator confirms. */
    public String after(BreakerState now) {
        return switch (this) {
            case RESET, RESET_ALL -> "closed, failures deleted";
            case TRIP, TRIP_ALL -> "open";
            case CLEAR_FAILURES -> now.name().toLowerCase(Locale.ROOT) + ", failures deleted";
            case CLEAR_RATE_LIMITS -> now.name().toLowerCase(Locale.ROOT) + ", rate-limit windows emptied";
        };
    }

    /** Blocking: runs on the Redis behind {@code actions}; {@code service} is ignored for the every-breaker ones. */
    public ActionResult apply(BreakerActions actions, String service) throws RedisUnavailableException {
        return switch (this) {
            case RESET -> actions.reset(service);
            case TRIP -> actions.trip(service);
            case CLEAR_FAILURES -> actions.clearFailures(service);
            case RESET_ALL -> actions.resetAll();
            case TRIP_ALL -> actions.tripAll();
            case CLEAR_RATE_LIMITS -> actions.clearRateLimits();
        };
    }
}
