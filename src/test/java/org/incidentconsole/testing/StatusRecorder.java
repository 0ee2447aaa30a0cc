package org.incidentconsole.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.incidentconsole.ssh.ConnectionState;
import org.incidentconsole.ssh.ConnectionStatus;

/** Records a connection's statuses and lets a test wait for one, without sleeping. */
public final class StatusRecorder implements Consumer<ConnectionStatus> {
    private final List<ConnectionStatus> seen = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void accept(ConnectionStatus status) {
        seen.add(status);
        notifyAll();
    }

    public List<ConnectionState> states() {
        return seen.stream().map(ConnectionStatus::state).toList();
    }

    public List<ConnectionStatus> statuses() {
        return List.copyOf(seen);
    }

    /** Waits until a status after index {@code from} matches; returns it. */
    public synchronized ConnectionStatus await(int from, Predicate<ConnectionStatus> match, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            for (int i = from; i < seen.size(); i++) {
                if (match.test(seen.get(i))) {
                    return seen.get(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching status within " + limit + "; saw " + seen);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public ConnectionStatus await(ConnectionState state) throws InterruptedException {
        return await(0, s -> s.state() == state, Duration.ofSeconds(20));
    }

    public int size() {
        return seen.size();
    }
}
