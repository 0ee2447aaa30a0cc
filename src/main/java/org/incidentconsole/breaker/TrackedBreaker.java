package org.incidentconsole.breaker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A breaker as the panel shows it: what Redis holds now, how long it has been open, whether that is past the
 * stuck-open threshold, and its transitions seen so far.
 */
public record TrackedBreaker(Breaker breaker, Instant openSince, Duration openFor, boolean stuckOpen,
                          List<Transition> history) {
    public TrackedBreaker {
        history = List.copyOf(history);
    }

    public record Transition(Instant at, BreakerState from, BreakerState to) {
    }
}
