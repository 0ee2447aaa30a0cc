package org.incidentconsole.incident;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Issue 21: the messages sent from the console so far, each with how its channels settled, and what the progress
 * cadence counts from. {@code firstAlertAt}: when the first initial alert reached a channel (null: none has);
 * {@code lastUpdateAt}: when the last initial, progress, rollback or resolved message reached its first channel
 * (a message that reached no channel told nobody, so it does not count); {@code statusPageRef}: the status page's
 * incident, from the latest delivery there that returned one (null: none yet).
 */
public record CommsHistory(List<Posted> messages, Instant firstAlertAt, Instant lastUpdateAt,
                           String statusPageRef) {
    public static final CommsHistory NONE = new CommsHistory(List.of(), null, null, null);
    /** The channel name the status page's deliveries are journaled under. */
    public static final String STATUS_PAGE = "status-page";
    /** The templates that keep the team informed: each one that reached someone restarts the cadence. */
    public static final Set<String> UPDATES = Set.of("initial", "progress", "rollback", "resolved");

    public CommsHistory {
        messages = List.copyOf(messages);
    }

    /** One message as posted, when, and each channel's settled delivery (channel → it) in the order settled. */
    public record Posted(IncidentEvent.MessagePosted message, Instant at, Map<String, Settled> deliveries) {
        public Posted {
            deliveries = Collections.unmodifiableMap(new LinkedHashMap<>(deliveries));
        }

        /** The channel's delivery, or empty while it is still under way (or the console stopped before it settled). */
        public Optional<Settled> delivery(String channel) {
            return Optional.ofNullable(deliveries.get(channel));
        }

        public boolean reachedAnyone() {
            return deliveries.values().stream().anyMatch(Settled::delivered);
        }
    }

    /** How one channel's delivery settled, and when (for a delivered one: when it was delivered). */
    public record Settled(IncidentEvent.MessageDelivery delivery, Instant at) {
        public boolean delivered() {
            return "delivered".equals(delivery.result());
        }
    }

    public Optional<Posted> message(String id) {
        return messages.stream().filter(p -> p.message().id().equals(id)).findFirst();
    }
}
