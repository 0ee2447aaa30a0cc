package org.incidentconsole.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.incidentconsole.coordination.CoordinationEndpoint;
import org.incidentconsole.coordination.CoordinationKeys;
import org.incidentconsole.coordination.CoordinationRedis;
import org.incidentconsole.coordination.CoordinationUnavailableException;
import org.incidentconsole.coordination.Presence;
import org.incidentconsole.coordination.Role;
import org.incidentconsole.coordination.SharedCopy;
import org.incidentconsole.coordination.SharedEvent;
import org.incidentconsole.coordination.SharedIncident;
import org.incidentconsole.coordination.SharedIncidents;
import org.incidentconsole.coordination.SharedTimeline;
import org.incidentconsole.coordination.TimelineFollower;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.JournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One incident shared from this console (#22): its journal published to the incident's stream, the stream
 * followed (other consoles' events to the window's timeline and to the merged timeline), this console's presence
 * kept alive, and the incident listed for the environment's other consoles. Opening journals IncidentShared once
 * per local journal; a resumed journal shares under the same console id from where the stream stopped.
 */
final class SharedSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedSession.class);

    /**
     * What another console did that this one's bar and stepper show as the incident's state (severity, status,
     * steps run and their outcomes, ticks, fields, comms sent); its start, sessions, operator and values stay its own.
     */
    static final Set<Class<? extends IncidentEvent>> SHOWN_FACTS = Set.of(IncidentEvent.SeverityChanged.class,
            IncidentEvent.StatusChanged.class, IncidentEvent.DetailsEdited.class, IncidentEvent.Resolved.class,
            IncidentEvent.Reopened.class, IncidentEvent.Milestone.class, IncidentEvent.StepStarted.class,
            IncidentEvent.StepFinished.class, IncidentEvent.StepSkipped.class, IncidentEvent.ChecklistToggled.class,
            IncidentEvent.ManualStepMarked.class, IncidentEvent.WatchEnded.class, IncidentEvent.FieldSet.class,
            IncidentEvent.NoteAdded.class, IncidentEvent.MessagePosted.class, IncidentEvent.MessageDelivery.class);

    private final IncidentSession session;
    private final CoordinationConnector.Connected connected;
    private final CoordinationEndpoint endpoint;
    private final String label;
    private final String console;
    private final Role role;
    private final CoordinationRedis redis;
    private final SharedIncidents incidents;
    private final SharedTimeline timeline;
    private final TimelineFollower follower;
    private final Presence presence;
    private final SharedCopy copy;
    private final Queue<SharedEvent> arriving = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Executor io;
    private final BiConsumer<String, List<SharedEvent>> others;
    private volatile boolean closed;

    private SharedSession(IncidentSession session, CoordinationConnector.Connected connected, String console,
                          Role role, Executor io, BiConsumer<String, List<SharedEvent>> others, long shareAfter)
            throws JournalException, IOException {
        this.session = session;
        this.connected = connected;
        this.endpoint = connected.endpoint();
        this.label = connected.label();
        this.console = console;
        this.role = role;
        this.io = io;
        this.others = others;
        this.redis = connected.redis();
        this.incidents = new SharedIncidents(redis, endpoint);
        this.presence = new Presence(redis, CoordinationKeys.of(endpoint, session.id()), console,
                Presence.DEFAULT_TTL, Clock.systemUTC());
        // this console's copy of the shared timeline: what it held before (a resumed incident) is shown first
        this.copy = SharedCopy.open(session.journalFile().getParent());
        copy.warnings().forEach(w -> LOG.warn("Shared timeline copy of {}: {}", session.id(), w));
        copy.events().forEach(this::arrived);
        this.timeline = new SharedTimeline(endpoint, session.id(), console, session.journalFile());
        timeline.share(session, shareAfter);
        this.follower = new TimelineFollower(endpoint, session.id(), copy.lastStreamId(), copy.eids(),
                this::received);
    }

    private void received(List<SharedEvent> batch) {
        try {
            copy.append(batch);
        } catch (IOException e) {
            LOG.error("The shared timeline copy of {} could not be written ({}): these {} events are shown but"
                    + " kept only in the coordination Redis until the console is restarted", session.id(),
                    e.getMessage(), batch.size());
        }
        batch.forEach(this::arrived);
    }

    /**
     * Shares {@code session} on {@code endpoint} ({@code label}: the address as the operator knows it). Blocking
     * (the journal is read; a Redis round trip or two): call off the FX thread. Redis being down does not fail it:
     * the events wait, the bar says so.
     */
    static SharedSession open(IncidentSession session, CoordinationConnector.Connected connected, Executor io,
                              ScheduledExecutorService scheduler, BiConsumer<String, List<SharedEvent>> others)
            throws JournalException, IOException {
        CoordinationEndpoint endpoint = connected.endpoint();
        String label = connected.label();
        ShareStart start = ShareStart.read(session.journalFile());
        String console = start.console();
        Role role = start.joined() ? Role.OPERATOR : Role.INCIDENT_COMMANDER;
        long after = start.shareAfter();
        if (console == null) {
            console = ShareStart.newConsoleId();
            var shared = session.record(new IncidentEvent.IncidentShared(console, label, role.label(),
                    start.joined(), session.operator())).join();
            after = start.joined() ? shared.seq() - 1 : 0;
        } else {
            after = Math.max(after, lastShared(connected, session.id(), console));
        }
        SharedSession s = new SharedSession(session, connected, console, role, io, others, after);
        s.announce(start.joined());
        s.presence.keepAlive(scheduler);
        return s;
    }

    private static long lastShared(CoordinationConnector.Connected connected, String id, String console) {
        try {
            return new SharedIncidents(connected.redis(), connected.endpoint()).lastShared(id, console);
        } catch (CoordinationUnavailableException e) {
            LOG.info("Resuming the share of {} without knowing what the stream holds ({}): the journal is sent"
                    + " again and readers keep one copy of each event", id, e.getMessage());
            return 0;
        }
    }

    private void announce(boolean joined) {
        try {
            presence.join(session.operator(), role);
            if (!joined) {
                incidents.register(listing());
            }
        } catch (CoordinationUnavailableException e) {
            LOG.warn("Incident {} shared, but not announced yet: {}", session.id(), e.getMessage());
        }
    }

    /**
     * Lists the incident again if the coordination Redis lost its listing (it came back empty): any console of
     * the incident does, so others can still join it. Called every few seconds; a round trip.
     */
    void keepListed() throws CoordinationUnavailableException {
        if (!session.state().resolved()) {
            incidents.registerIfMissing(listing());
        }
    }

    private SharedIncident listing() {
        var started = session.state().started();
        return new SharedIncident(session.id(), started.environment(), started.title(),
                started.severity() == null ? null : started.severity().name(), session.state().startedAt(),
                started.operator(), console, session.state().resolved());
    }

    private void arrived(SharedEvent e) {
        if (e.console().equals(console)) {
            return;
        }
        if (SHOWN_FACTS.contains(e.event().getClass())) {
            session.observe(e.record());
        }
        arriving.add(e);
        if (draining.compareAndSet(false, true)) {
            io.execute(this::drain);
        }
    }

    private void drain() {
        List<SharedEvent> batch = new ArrayList<>();
        draining.set(false);
        for (SharedEvent e; (e = arriving.poll()) != null; ) {
            batch.add(e);
        }
        if (!batch.isEmpty() && !closed) {
            others.accept(session.id(), batch);
        }
    }

    /** Marks the incident resolved for the environment's list (from a worker thread). */
    void resolved() {
        try {
            incidents.resolved(session.state().started().environment(), session.id());
        } catch (CoordinationUnavailableException e) {
            LOG.warn("Incident {} resolved, but still listed as open to other consoles: {}", session.id(),
                    e.getMessage());
        }
    }

    IncidentSession session() {
        return session;
    }

    String console() {
        return console;
    }

    String label() {
        return label;
    }

    SharedTimeline timeline() {
        return timeline;
    }

    Presence presence() {
        return presence;
    }

    CoordinationRedis redis() {
        return redis;
    }

    CoordinationEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        closed = true;
        follower.close();
        timeline.close();
        copy.close();
        try {
            presence.leave();
        } catch (CoordinationUnavailableException e) {
            LOG.info("Presence on {} not withdrawn ({}): it expires by itself", session.id(), e.getMessage());
        }
        connected.close();
    }
}
