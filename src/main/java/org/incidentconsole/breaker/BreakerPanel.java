package org.incidentconsole.breaker;

import java.time.Instant;
import java.util.List;

/** One poll of one Redis for the panel: breakers with history, rate limiters, or what went wrong. */
public record BreakerPanel(String source, Instant at, List<BreakerView> breakers, List<RateLimit> rateLimits,
                           String error) {
    public BreakerPanel {
        breakers = List.copyOf(breakers);
        rateLimits = List.copyOf(rateLimits);
    }

    /** A panel for a host whose Redis could not be reached at all. */
    public static BreakerPanel unavailable(String source, Instant at, String error) {
        return new BreakerPanel(source, at, List.of(), List.of(), error);
    }

    public long stuckOpen() {
        return breakers.stream().filter(BreakerView::stuckOpen).count();
    }
}
