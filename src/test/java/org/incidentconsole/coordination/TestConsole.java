package org.incidentconsole.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.Journal;
import org.incidentconsole.incident.JournalRecord;

/**
 * One console of a shared incident, as the tests need it: its own local journal, a publisher, a follower and
 * the merged timeline the follower fills. Waits are on conditions, woken by the listeners.
 */
final class TestConsole implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(60);

    final String id;
    final String operator;
    final Journal journal;
    final SharedTimeline timeline;
    final TimelineFollower follower;
    final MergedTimeline merged = new MergedTimeline();
    /** Eids in the order the follower handed them. */
    final List<String> arrivals = new CopyOnWriteArrayList<>();
    final List<ShareState> states = new CopyOnWriteArrayList<>();
    private final Object changed = new Object();

    TestConsole(Path dir, CoordinationEndpoint endpoint, String incident, String id, String operator)
            throws IOException {
        this.id = id;
        this.operator = operator;
        this.journal = Journal.create(dir.resolve(id), Clock.systemUTC());
        this.timeline = new SharedTimeline(endpoint, incident, id, journal.file());
        timeline.addStateListener(s -> {
            states.add(s);
            wake();
        });
        this.follower = new TimelineFollower(endpoint, incident, e -> {
            merged.add(e);
            arrivals.add(e.eid());
            wake();
        });
    }

    /** Journals a note (on disk when this returns), then shares it. */
    JournalRecord note(String text) {
        JournalRecord r = journal.append(new IncidentEvent.NoteAdded(text, operator)).join();
        timeline.publish(r, operator);
        return r;
    }

    String eid(JournalRecord r) {
        return SharedEvent.eid(id, r.seq());
    }

    void awaitMerged(int events) throws InterruptedException {
        await(() -> merged.size() >= events, () -> id + " has " + merged.size() + " of " + events + " events");
    }

    /** Waits until every event of this console is acknowledged and none waits. */
    void awaitShared(int acknowledged) throws InterruptedException {
        await(() -> timeline.state().waiting() == 0 && timeline.state().acknowledged() >= acknowledged,
                () -> id + " is " + timeline.state());
    }

    void awaitOffline() throws InterruptedException {
        awaitState(s -> !s.online());
    }

    void awaitState(Predicate<ShareState> wanted) throws InterruptedException {
        await(() -> wanted.test(timeline.state()), () -> id + " is " + timeline.state());
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
        journal.close();
    }
}
