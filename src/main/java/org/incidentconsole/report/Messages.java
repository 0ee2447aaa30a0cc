package org.incidentconsole.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.JournalRecord;

/**
 * The messaging section's sources: each event type that says a message went out, read as one {@link Message}.
 * A new kind of message event (comms copied from the window, say) slots in with one line in {@link #SOURCES}.
 */
final class Messages {
    /** {@code how}: "sent" or "copied"; {@code channel}: where, or the template's name. */
    record Message(Instant at, String how, String channel, String text, String by) {
    }

    private record Source(String how, Function<IncidentEvent, String> channel, Function<IncidentEvent, String> text,
                          Function<IncidentEvent, String> by) {
    }

    private static final Map<Class<? extends IncidentEvent>, Source> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put(IncidentEvent.MessageSent.class, new Source("sent",
                e -> ((IncidentEvent.MessageSent) e).channel(), e -> ((IncidentEvent.MessageSent) e).text(),
                e -> ((IncidentEvent.MessageSent) e).by()));
        SOURCES.put(IncidentEvent.CommsCopied.class, new Source("copied",
                e -> ((IncidentEvent.CommsCopied) e).template() + " template",
                e -> ((IncidentEvent.CommsCopied) e).text(), e -> ((IncidentEvent.CommsCopied) e).by()));
    }

    private Messages() {
    }

    static Optional<Message> of(JournalRecord r) {
        Source s = SOURCES.get(r.data().getClass());
        return s == null ? Optional.empty() : Optional.of(new Message(r.ts(), s.how(), s.channel().apply(r.data()),
                s.text().apply(r.data()), s.by().apply(r.data())));
    }
}
