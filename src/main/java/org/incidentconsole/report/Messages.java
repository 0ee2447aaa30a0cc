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
 * A new kind of message event slots in with one line in {@link #SOURCES}.
 */
final class Messages {
    /**
     * {@code how}: "sent" or "copied"; {@code channel}: where, or the template's name; {@code id}: a message sent
     * from the console (#21), whose deliveries the incident's state holds, else null.
     */
    record Message(Instant at, String how, String channel, String subject, String text, String by, String id) {
    }

    private record Source(String how, Function<IncidentEvent, String> channel, Function<IncidentEvent, String> subject,
                          Function<IncidentEvent, String> text, Function<IncidentEvent, String> by,
                          Function<IncidentEvent, String> id) {
    }

    private static final Map<Class<? extends IncidentEvent>, Source> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put(IncidentEvent.MessageSent.class, new Source("sent",
                e -> ((IncidentEvent.MessageSent) e).channel(), e -> null, e -> ((IncidentEvent.MessageSent) e).text(),
                e -> ((IncidentEvent.MessageSent) e).by(), e -> null));
        SOURCES.put(IncidentEvent.CommsCopied.class, new Source("copied",
                e -> ((IncidentEvent.CommsCopied) e).template() + " template", e -> null,
                e -> ((IncidentEvent.CommsCopied) e).text(), e -> ((IncidentEvent.CommsCopied) e).by(), e -> null));
        // #21: sent from the console; the channels and how each delivery settled come from the state
        SOURCES.put(IncidentEvent.MessagePosted.class, new Source("sent",
                e -> ((IncidentEvent.MessagePosted) e).template() + " message",
                e -> ((IncidentEvent.MessagePosted) e).subject(), e -> ((IncidentEvent.MessagePosted) e).text(),
                e -> ((IncidentEvent.MessagePosted) e).by(), e -> ((IncidentEvent.MessagePosted) e).id()));
    }

    private Messages() {
    }

    static Optional<Message> of(JournalRecord r) {
        Source s = SOURCES.get(r.data().getClass());
        return s == null ? Optional.empty() : Optional.of(new Message(r.ts(), s.how(), s.channel().apply(r.data()),
                s.subject().apply(r.data()), s.text().apply(r.data()), s.by().apply(r.data()),
                s.id().apply(r.data())));
    }
}
