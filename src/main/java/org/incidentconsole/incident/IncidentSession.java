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
    private final List<Consumer<JournalRecord>> recordListeners = new CopyOnWriteArrayList<>();
    private volatile IncidentState state;
    private final Object stateLock = new Object();
    private String operator;
    private boolean closedForActs;

    IncidentSession(Journal journal, IncidentState state, List<String> warnings) {
        this(journal, state, warnings, new EventScrubber(new Redactor()));
    }

    IncidentSession(Journal journal, IncidentState state, List<String> warnings, EventScrubber scrubber) {
        this.journal = journal;
        this.scrubber = scrubber;
        this.state = state;
        this.warnings = List.copyOf(warnings);
        this.operator = state.lifecycle().operator();
        this.closedForActs = state.resolved();
    }

    /** Who signs the acts taken at this console: named at start or resume, changed by a hand-over. */
    public synchronized String operator() {
        return operator;
    }

    /** Hands the incident over: journaled, signed by the outgoing operator; the new one signs every later act. */
    public CompletableFuture<JournalRecord> handOver(String to) {
        synchronized (this) {
            String from = operator;
            if (to == null || to.isBlank() || to.strip().equals(from)) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<JournalRecord> written = record(new IncidentEvent.OperatorChanged(from, to.strip(), from));
            operator = to.strip();
            return written;
        }
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

    /**
     * #22: a fact another console journaled in this shared incident (its severity, status, steps run, ticks):
     * folded into the state this console shows, never written to this console's journal (the shared timeline
     * holds it). Called on the follower's thread.
     */
    public void observe(JournalRecord elsewhere) {
        fold(elsewhere);
    }

    private void fold(JournalRecord r) {
        IncidentState next;
        synchronized (stateLock) {
            next = state.apply(r);
            state = next;
        }
        for (Consumer<IncidentState> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("incident listener failed", e);
            }
        }
    }

    /** Listeners are called on the journal's writer thread, in journal order (and for facts of other consoles). */
    public void addListener(Consumer<IncidentState> listener) {
        listeners.add(listener);
    }

    /** Issue 19 (timeline pane): each record once it is on disk, on the journal's writer thread, in journal order. */
    public void addRecordListener(Consumer<JournalRecord> listener) {
        recordListeners.add(listener);
    }

    /**
     * Redacts every free-text field of the event, signs it if it is an act (with {@link #operator()}, whoever the
     * caller named), journals it; the future completes once it is on disk and the state includes it. Nothing
     * reaches the journal without passing the scrubber. An act on a resolved incident fails with
     * {@link IncidentResolvedException} until it is reopened.
     */
    public CompletableFuture<JournalRecord> record(IncidentEvent event) {
        IncidentEvent scrubbed = scrubber.scrub(event); // outside the lock: linear but not free on long output
        CompletableFuture<JournalRecord> appended;
        synchronized (this) { // acts are checked and queued in one order, so none slips in behind a Resolve
            if (closedForActs && ActSigner.isAct(event)) {
                return CompletableFuture.failedFuture(new IncidentResolvedException(id(),
                        ActSigner.describe(event)));
            }
            if (event instanceof IncidentEvent.Resolved) {
                closedForActs = true;
            } else if (event instanceof IncidentEvent.Reopened) {
                closedForActs = false;
            } else if (event instanceof IncidentEvent.Started st) {
                operator = st.operator();
            } else if (event instanceof IncidentEvent.SessionOpened o) {
                operator = o.operator();
            }
            appended = journal.append(ActSigner.sign(scrubbed, operator));
        }
        return appended.thenApply(r -> {
            fold(r);
            for (Consumer<JournalRecord> l : recordListeners) {
                try {
                    l.accept(r);
                } catch (RuntimeException e) {
                    LOG.warn("journal record listener failed", e);
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
