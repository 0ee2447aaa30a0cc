package org.incidentconsole.incident;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.incidentconsole.redact.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A live incident: every fact goes through {@link #record}, which journals it before the state moves on. */
public final class IncidentSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentSession.class);

    private final Journal journal;
    private final EventScrubber scrubber;
    private final List<String> warnings;
    private final List<Consumer<IncidentState>> listeners = new CopyOnWriteArrayList<>();
    private volatile IncidentState state;

    IncidentSession(Journal journal, IncidentState state, List<String> warnings) {
        this(journal, state, warnings, new EventScrubber(new Redactor()));
    }

    IncidentSession(Journal journal, IncidentState state, List<String> warnings, EventScrubber scrubber) {
        this.journal = journal;
        this.scrubber = scrubber;
        this.state = state;
        this.warnings = List.copyOf(warnings);
    }

    public IncidentState state() {
        return state;
    }

    public String id() {
        return state.started().id();
    }

    public Path journalFile() {
        return journal.file();
    }

    /** Problems met while resuming (a dropped torn line), for the operator to see. */
    public List<String> warnings() {
        return warnings;
    }

    /** Listeners are called on the journal's writer thread, in journal order. */
    public void addListener(Consumer<IncidentState> listener) {
        listeners.add(listener);
    }

    /**
     * Redacts every free-text field of the event, journals it; the future completes once it is on disk and the
     * state includes it. Nothing reaches the journal without passing the scrubber.
     */
    public CompletableFuture<JournalRecord> record(IncidentEvent event) {
        return journal.append(scrubber.scrub(event)).thenApply(r -> {
            IncidentState next = state.apply(r);
            state = next;
            for (Consumer<IncidentState> l : listeners) {
                try {
                    l.accept(next);
                } catch (RuntimeException e) {
                    LOG.warn("incident listener failed", e);
                }
            }
            return r;
        });
    }

    @Override
    public void close() {
        journal.close();
    }
}
