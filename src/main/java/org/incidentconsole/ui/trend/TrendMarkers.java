package org.incidentconsole.ui.trend;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The moments every sparkline marks: steps run and the rollback milestone. Bounded (the oldest step marks go
 * first; the rollback mark is kept). Thread-safe: marks come from the stepper and the advisor's thread.
 */
public final class TrendMarkers {
    public enum Kind { STEP, ROLLBACK }

    public record Marker(Instant at, Kind kind) {
    }

    public static final int MAX_STEPS = 200;

    private final Deque<Marker> steps = new ArrayDeque<>();
    private Marker rollback;
    private boolean rolledBack;
    private String incident;
    private long version;

    public synchronized void step(Instant at) {
        steps.addLast(new Marker(at, Kind.STEP));
        while (steps.size() > MAX_STEPS) {
            steps.removeFirst();
        }
        version++;
    }

    /**
     * The current incident's rolled-back state as the window sees it now ({@code incident} its id, null for none):
     * the mark goes where it turns true while watching. The first sight of an incident only notes its state, so
     * one resumed already rolled back gets no mark at the time of the resume.
     */
    public synchronized void rolledBack(String incident, boolean now, Instant at) {
        if (incident != null && incident.equals(this.incident) && now && !rolledBack) {
            rollback = new Marker(at, Kind.ROLLBACK);
            version++;
        }
        this.incident = incident;
        rolledBack = now;
    }

    /** Marks between {@code from} and {@code to}, oldest first, the rollback among them. */
    public synchronized List<Marker> between(Instant from, Instant to) {
        List<Marker> out = new ArrayList<>();
        for (Marker m : steps) {
            if (!m.at().isBefore(from) && !m.at().isAfter(to)) {
                out.add(m);
            }
        }
        if (rollback != null && !rollback.at().isBefore(from) && !rollback.at().isAfter(to)) {
            out.add(rollback);
        }
        return out;
    }

    /** Changes with every mark, so a view can tell whether to draw again. */
    public synchronized long version() {
        return version;
    }
}
