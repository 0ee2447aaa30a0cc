package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.incidentconsole.coordination.CoordinationEndpoint;
import org.incidentconsole.coordination.SharedCopy;
import org.incidentconsole.coordination.SharedEvent;
import org.incidentconsole.coordination.SharedTimeline;
import org.incidentconsole.coordination.TimelineFollower;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.Journal;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.severity.Severity;

/**
 * One console of a shared incident, built from the real parts as the window wires them: its own data directory
 * and local journal (an IncidentSession of its IncidentStore), a SharedTimeline publishing its acts, a
 * TimelineFollower writing every console's events into its SharedCopy. Waits are on conditions.
 */
final class SharingConsole implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(120);

    final String console;
    final String operator;
    final Path home;
    final String incident;
    final IncidentSession session;
    final SharedCopy copy;
    final SharedTimeline timeline;
    final TimelineFollower follower;
    private final Object changed = new Object();

    private SharingConsole(Path home, CoordinationEndpoint endpoint, String console, IncidentSession session,
                           long publishFrom) throws IOException, JournalException {
        this.console = console;
        this.home = home;
        this.session = session;
        this.operator = session.operator();
        this.incident = session.id();
        Path dir = session.journalFile().getParent();
        this.copy = SharedCopy.open(dir);
        this.timeline = new SharedTimeline(endpoint, incident, console, session.journalFile());
        for (JournalRecord r : JournalReader.read(session.journalFile()).records()) { // what came before the attach
            if (r.seq() >= publishFrom) {
                timeline.publish(r, r.data() instanceof IncidentEvent.Signed s && s.by() != null ? s.by()
                        : operator);
            }
        }
        timeline.attach(session);
        timeline.addStateListener(state -> wake());
        this.follower = new TimelineFollower(endpoint, incident, copy.lastStreamId(), copy.eids(), batch -> {
            try {
                copy.append(batch);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            wake();
        });
    }

    private static IncidentStore store(Path home) {
        return new IncidentStore(home.resolve("incidents"), Clock.systemUTC());
    }

    /**
     * Starts an incident at this console and shares it: every record of its journal is published; returns once
     * the stream holds them (another console joins an incident it found there).
     */
    static SharingConsole start(Path home, CoordinationEndpoint endpoint, String console, String operator,
                                String title) throws Exception {
        IncidentSession s = store(home).start(title, "checkout 5xx", Severity.P1, "drill", operator, null, "UTC");
        s.record(new IncidentEvent.IncidentShared(console, endpoint.address(), "incident commander", false,
                operator)).join();
        SharingConsole c = new SharingConsole(home, endpoint, console, s, 1);
        c.awaitShared(); // on the stream: others can join it now
        return c;
    }

    /**
     * Joins the incident {@code started} elsewhere: a local journal that begins with a copy of its start and
     * this operator's context, then IncidentShared(joined); published from that record on.
     */
    static SharingConsole join(Path home, CoordinationEndpoint endpoint, String console, String operator,
                               IncidentEvent.Started started) throws Exception {
        try (Journal j = Journal.create(home.resolve("incidents").resolve(started.id()), Clock.systemUTC())) {
            j.append(started).join();
            j.append(new IncidentEvent.SessionOpened("join", operator, "op", "laptop-" + console, Map.of())).join();
            j.append(new IncidentEvent.IncidentShared(console, endpoint.address(), "operator", true, operator))
                    .join();
        }
        return new SharingConsole(home, endpoint, console, store(home).resume(started.id()), 3);
    }

    /** Reopens this console's incident from its files, as after a restart of the console. */
    static SharingConsole reopen(Path home, CoordinationEndpoint endpoint, String console, String incident)
            throws Exception {
        return new SharingConsole(home, endpoint, console, store(home).resume(incident), Long.MAX_VALUE);
    }

    JournalRecord act(IncidentEvent e) {
        return session.record(e).join();
    }

    String eid(JournalRecord r) {
        return SharedEvent.eid(console, r.seq());
    }

    Path dir() {
        return session.journalFile().getParent();
    }

    String report() throws Exception {
        StringBuilder md = new StringBuilder();
        SharedReport.prepare(dir()).report().writeTo(md);
        return md.toString();
    }

    void awaitCopy(int events) throws InterruptedException {
        await(() -> copy.size() >= events, () -> console + "'s copy holds " + copy.size() + " of " + events);
    }

    void awaitShared() throws InterruptedException {
        await(() -> timeline.state().online() && timeline.state().waiting() == 0,
                () -> console + " is " + timeline.state());
    }

    List<String> copyEids() {
        return copy.events().stream().map(SharedEvent::eid).toList();
    }

    private void wake() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    private void await(BooleanSupplier done, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        synchronized (changed) {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                assertThat(left).as(what.get()).isPositive();
                changed.wait(Math.max(1, Math.min(Duration.ofNanos(left).toMillis(), 200)));
            }
        }
    }

    @Override
    public void close() {
        follower.close();
        timeline.close();
        copy.close();
        session.close();
    }
}
