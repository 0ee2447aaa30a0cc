package org.incidentconsole.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.incidentconsole.breaker.Breaker;
import org.incidentconsole.breaker.BreakerPoll;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.breaker.TrackedBreaker;
import org.incidentconsole.health.CheckResult;
import org.incidentconsole.health.HealthSampler;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.health.HealthTransition;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.ssh.ConnectionState;
import org.incidentconsole.ssh.ConnectionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path from the live panels to the journal, used by the window and by {@code drill --run} alike: health
 * transitions, breaker state transitions the monitor sees, connections lost and regained per host, comms copied,
 * reports exported. State changes go through a {@link FlapDebounce} per kind (one event per key per
 * {@link #DWELL} at most, flaps counted into the next event). Nothing is journaled while there is no incident.
 */
public final class PanelJournal {
    /** A key's changes closer together than this are folded into one event with a flap count. */
    public static final Duration DWELL = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(PanelJournal.class);
    private static final String UP = "up";
    private static final String DOWN = "down";

    private final Supplier<IncidentSession> session;
    private final PanelJournalEvents events;
    private final Clock clock;
    private final FlapDebounce<List<String>, String> health;
    private final FlapDebounce<List<String>, Breaker> breakers;
    private final FlapDebounce<String, String> connections;
    private final Set<String> everConnected = ConcurrentHashMap.newKeySet();
    private final HealthSampler sampler = new HealthSampler(); // #19 trends
    private IncidentSession baselined;

    /** @param session the incident to write to now, or null before one is started */
    public PanelJournal(Supplier<IncidentSession> session, Redactor redactor, Clock clock, Duration dwell) {
        this.session = session;
        this.events = new PanelJournalEvents(redactor);
        this.clock = clock;
        this.health = new FlapDebounce<>(dwell);
        this.breakers = new FlapDebounce<>(dwell);
        this.connections = new FlapDebounce<>(dwell);
    }

    public PanelJournal(Supplier<IncidentSession> session, Redactor redactor) {
        this(session, redactor, Clock.systemUTC(), DWELL);
    }

    public void health(HealthTransition t) {
        baselineIfNew(session.get());
        healthChanges(health.offer(List.of(t.host(), t.check()), t.to().name(), t.value(), t.at()));
        due(t.at());
    }

    /** #19 trends: each poll's result; its number is journaled as a health-sample when the sampler says so. */
    public void healthResult(CheckResult r) {
        if (session.get() == null) {
            return;
        }
        baselineIfNew(session.get());
        sampler.offer(r).ifPresent(s -> write(new IncidentEvent.HealthSample(s.host(), s.check(), s.kind(),
                s.value(), s.unit(), s.status().name())));
    }

    /** One poll of one Redis: each breaker whose state changed; a breaker first seen not closed is journaled too. */
    public void breakers(BreakerPoll panel) {
        if (panel.error() != null) {
            return;
        }
        baselineIfNew(session.get());
        for (TrackedBreaker v : panel.breakers()) {
            Breaker b = v.breaker();
            breakerChanges(breakers.offer(List.of(panel.source(), b.stateKey()), b.state().name(), b,
                    panel.at()));
        }
        due(panel.at());
    }

    /** A host's connection status: "connected" the first time, then "lost" and "regained"; CONNECTING is ignored. */
    public void connection(String host, ConnectionStatus status) {
        if (status.state() == ConnectionState.CONNECTING) {
            return;
        }
        baselineIfNew(session.get());
        String state = status.state() == ConnectionState.CONNECTED ? UP : DOWN;
        Instant at = status.at() == null ? clock.instant() : status.at();
        connectionChanges(connections.offer(host, state, status.recorded(), at));
        due(at);
    }

    public void commsCopied(String template, String text) {
        IncidentSession s = session.get();
        if (s != null) {
            record(s, new IncidentEvent.CommsCopied(template, text, s.state().started().operator()));
        }
    }

    /** Journals held changes whose dwell has passed; the window calls it every few seconds. */
    public void tick() {
        baselineIfNew(session.get());
        due(clock.instant());
    }

    /** Journals every held change now (the end of a walk, closing the window). */
    public void flush() {
        Instant now = clock.instant();
        healthChanges(health.flush(now));
        breakerChanges(breakers.flush(now));
        connectionChanges(connections.flush(now));
    }

    private void due(Instant now) {
        healthChanges(health.due(now));
        breakerChanges(breakers.due(now));
        connectionChanges(connections.due(now));
    }

    private void healthChanges(List<FlapDebounce.Change<List<String>, String>> changes) {
        for (var c : changes) {
            var t = events.of(new HealthTransition(c.key().get(0), c.key().get(1),
                    c.from() == null ? null : HealthStatus.valueOf(c.from()),
                    HealthStatus.valueOf(c.to()), c.payload(), null));
            write(new IncidentEvent.HealthTransition(t.host(), t.check(), t.from(), t.to(), t.value(), flaps(c)));
        }
    }

    private void breakerChanges(List<FlapDebounce.Change<List<String>, Breaker>> changes) {
        for (var c : changes) {
            if (c.from() == null && BreakerState.CLOSED.name().equals(c.to())) {
                continue;
            }
            Breaker b = c.payload();
            write(new IncidentEvent.BreakerTransition(c.key().get(0), b.service(), b.stateKey(), c.from(), c.to(),
                    b.failures(), flaps(c)));
        }
    }

    private void connectionChanges(List<FlapDebounce.Change<String, String>> changes) {
        for (var c : changes) {
            if (UP.equals(c.to())) {
                write(new IncidentEvent.ConnectionChanged(c.key(), everConnected.add(c.key()) ? "connected"
                        : "regained", c.payload(), flaps(c)));
            } else if (c.from() != null) {
                write(new IncidentEvent.ConnectionChanged(c.key(), "lost", c.payload(), flaps(c)));
            }
        }
    }

    private static Integer flaps(FlapDebounce.Change<?, ?> c) {
        return c.flaps() > 0 ? c.flaps() : null;
    }

    private void write(IncidentEvent event) {
        IncidentSession s = session.get();
        if (s != null) {
            record(s, event);
        }
    }

    /**
     * An incident started (or resumed) while the panels were already showing things: it first hears the state of
     * every check, breaker (unless closed) and connection as a first sight, so its record starts from what was seen.
     */
    private synchronized void baselineIfNew(IncidentSession s) {
        if (s == null || s == baselined) {
            return;
        }
        baselined = s;
        everConnected.clear();
        sampler.reset();
        healthChanges(health.baseline());
        breakerChanges(breakers.baseline());
        connectionChanges(connections.baseline());
    }

    private static void record(IncidentSession s, IncidentEvent event) {
        try {
            s.record(event).join();
        } catch (RuntimeException e) {
            LOG.warn("A panel event was not journaled: {}", e.getMessage());
        }
    }
}
