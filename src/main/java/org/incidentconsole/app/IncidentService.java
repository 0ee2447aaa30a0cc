package org.incidentconsole.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentMismatchException;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.incident.PrivateFiles;
import org.incidentconsole.report.RecordSource;
import org.incidentconsole.report.ReportRenderer;
import org.incidentconsole.severity.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident being worked on at this console: started, resumed, listed and exported here, under the data
 * directory's {@code incidents/} and {@code reports/}. One is current at a time; starting or resuming another
 * closes the previous session (its journal stays). Blocking: call off the FX thread.
 */
public final class IncidentService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentService.class);

    private final IncidentStore store;
    private final Path reports;
    private final Clock clock;
    private final ZoneId zone;
    private volatile IncidentSession current;
    private final List<Consumer<IncidentSession>> listeners = new CopyOnWriteArrayList<>();

    /** @param dataDir the data directory: incidents and reports are written below it */
    public IncidentService(Path dataDir, Clock clock, ZoneId zone) {
        this.store = new IncidentStore(dataDir.resolve("incidents"), clock);
        this.reports = dataDir.resolve("reports");
        this.clock = clock;
        this.zone = zone;
    }

    /** The incident being worked on, or null before one is started or resumed. */
    public IncidentSession current() {
        return current;
    }

    /** Starts an incident bound to this console's environment and inventory and makes it the current one. */
    public synchronized IncidentSession start(String title, String trigger, Severity severity,
                                              IncidentBinding binding, String operator) throws IOException {
        IncidentSession started = store.start(title, trigger, severity, binding, operator, null, zone.getId());
        replace(started);
        return started;
    }

    /** Resumes an incident of this environment and inventory, worked by {@code operator}; others are refused. */
    public synchronized IncidentSession resume(String id, IncidentBinding binding, String operator)
            throws IOException, JournalException, IncidentMismatchException {
        IncidentSession resumed = store.resume(id, binding, operator);
        replace(resumed);
        return resumed;
    }

    /** Joins an incident another console shares (#22) and makes it the current one. */
    public synchronized IncidentSession join(IncidentEvent.Started started, IncidentBinding binding, String operator)
            throws IOException, IncidentMismatchException {
        IncidentSession joined = store.join(started, binding, operator);
        replace(joined);
        return joined;
    }

    /** Unresolved incidents, with why those of another environment or inventory cannot be resumed here. */
    public List<IncidentStore.Candidate> candidates(IncidentBinding binding) throws IOException {
        return store.candidates(binding);
    }

    /**
     * The current incident, or a new one with plain defaults when none is open. The window asks the operator
     * first (the incident guard); this keeps an act from going unjournaled if some path did not.
     */
    public synchronized IncidentSession currentOrStart(IncidentBinding binding, String operator) {
        if (current == null) {
            try {
                start("Incident on " + binding.environment(), "not recorded yet", Severity.P2, binding, operator);
            } catch (IOException e) {
                throw new UncheckedIOException("the incident journal could not be created", e);
            }
        }
        return current;
    }

    /** A report written to disk: its markdown, its file, and the name offered when the operator saves a copy. */
    public record Report(String markdown, Path file, String suggestedName) {
    }

    /**
     * Writes the current incident's report to {@code reports/<id>.md} (private to the user) and journals that
     * it was exported. A shared incident (its folder holds the copy of the shared timeline) is reported from
     * every console's events: {@link SharedReport}.
     *
     * @throws IllegalStateException when no incident is open
     */
    public Report exportReport() throws IOException, JournalException {
        IncidentSession session = current;
        if (session == null) {
            throw new IllegalStateException("no incident is open: start or resume one first");
        }
        Path out = reports.resolve(session.id() + ".md");
        PrivateFiles.createDirectories(reports);
        StringBuilder markdown = new StringBuilder();
        Path incidentDir = session.journalFile().getParent();
        if (SharedReport.shared(incidentDir)) { // #22: every console's events, the same bytes on each console
            SharedReport.Rendered merged = SharedReport.prepare(incidentDir);
            merged.warnings().forEach(w -> LOG.warn("Report of {}: {}", session.id(), w));
            LOG.info("Report of {}: {}", session.id(), merged.describe());
            merged.report().writeTo(markdown);
        } else {
            new ReportRenderer().prepare(RecordSource.journal(session.journalFile())).writeTo(markdown);
        }
        PrivateFiles.writeString(out, markdown.toString());
        try {
            session.record(new IncidentEvent.ReportExported(out.toString())).join();
        } catch (RuntimeException e) {
            LOG.warn("The report of {} was written but its export was not journaled: {}", session.id(),
                    e.getMessage());
        }
        return new Report(markdown.toString(), out, session.id() + "-" + LocalDate.now(clock.withZone(zone)) + ".md");
    }

    private void replace(IncidentSession next) {
        IncidentSession previous = current;
        current = next;
        if (previous != null) {
            previous.close();
        }
        listeners.forEach(l -> l.accept(next));
    }

    /**
     * {@code listener} gets each incident that becomes the current one (started, resumed, or started for an act),
     * on the thread that opened it; and the current one now, if any (the timeline pane follows it).
     */
    public synchronized void onIncident(Consumer<IncidentSession> listener) {
        listeners.add(listener);
        IncidentSession now = current;
        if (now != null) {
            listener.accept(now);
        }
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
        }
    }
}
