package org.incidentconsole.incident;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Folds the comms events (#21) into a {@link CommsHistory}, one record at a time. */
final class CommsFold {
    private final Map<String, CommsHistory.Posted> messages = new LinkedHashMap<>();
    private Instant firstAlertAt;
    private Instant lastUpdateAt;
    private String statusPageRef;

    CommsFold(CommsHistory from) {
        from.messages().forEach(p -> messages.put(p.message().id(), p));
        firstAlertAt = from.firstAlertAt();
        lastUpdateAt = from.lastUpdateAt();
        statusPageRef = from.statusPageRef();
    }

    /** False when the event is not a comms event. */
    boolean accept(IncidentEvent e, Instant at) {
        if (e instanceof IncidentEvent.MessagePosted p) {
            messages.put(p.id(), new CommsHistory.Posted(p, at, Map.of()));
        } else if (e instanceof IncidentEvent.MessageDelivery d) {
            settled(d, at);
        } else {
            return false;
        }
        return true;
    }

    private void settled(IncidentEvent.MessageDelivery d, Instant at) {
        CommsHistory.Posted posted = messages.get(d.id());
        CommsHistory.Settled settled = new CommsHistory.Settled(d, at);
        if (posted != null) {
            boolean firstToArrive = settled.delivered() && !posted.reachedAnyone();
            Map<String, CommsHistory.Settled> deliveries = new LinkedHashMap<>(posted.deliveries());
            deliveries.put(d.channel(), settled);
            messages.put(d.id(), new CommsHistory.Posted(posted.message(), posted.at(), deliveries));
            String template = posted.message().template();
            if (firstToArrive && CommsHistory.UPDATES.contains(template)) {
                lastUpdateAt = at;
                if ("initial".equals(template) && firstAlertAt == null) {
                    firstAlertAt = at;
                }
            }
        }
        if (settled.delivered() && CommsHistory.STATUS_PAGE.equals(d.channel()) && d.ref() != null
                && !d.ref().isBlank()) {
            statusPageRef = d.ref();
        }
    }

    CommsHistory state() {
        return new CommsHistory(messages.values().stream().toList(), firstAlertAt, lastUpdateAt, statusPageRef);
    }
}
