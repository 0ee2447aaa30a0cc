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

    public long stuckOpen() {
        return breakers.stream().filter(BreakerView::stuckOpen).count();
    }
}
