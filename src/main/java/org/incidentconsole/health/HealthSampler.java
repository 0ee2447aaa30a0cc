package org.incidentconsole.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which check results are worth a sample in the journal, per host and check:
 * <ul>
 * <li>the first number seen, and any change of status, at once;</li>
 * <li>otherwise at most one sample per {@code every} while the value holds;</li>
 * <li>sooner on a significant change (per unit, see {@link #CHANGES}), but never closer than {@code minGap}.</li>
 * </ul>
 * Polled every 5 s, 2 hosts × 5 checks with steady values give 10 × 3600 / 60 = 600 samples an hour; a value that
 * moves on every poll is capped at 10 × 3600 / 15 = 2,400 (HealthSamplerTest counts both).
 */
public final class HealthSampler {
    public static final Duration EVERY = Duration.ofSeconds(60);
    public static final Duration MIN_GAP = Duration.ofSeconds(15);

    /** What counts as a significant change for a unit: at least {@code absolute}, and {@code relative} of the last. */
    record Change(String unit, double absolute, double relative) {
    }

    static final List<Change> CHANGES = List.of(
            new Change("%", 5, 0),
            new Change("ms", 50, 0.5),
            new Change("hits", 1, 0));
    private static final Change OTHER = new Change("", 0, 0.2);

    private record Last(Instant at, HealthStatus status, double value) {
    }

    private final Duration every;
    private final Duration minGap;
    private final Map<String, Last> last = new ConcurrentHashMap<>();

    public HealthSampler(Duration every, Duration minGap) {
        this.every = every;
        this.minGap = minGap;
    }

    public HealthSampler() {
        this(EVERY, MIN_GAP);
    }

    /** The sample to journal for this result, if any. */
    public Optional<HealthSample> offer(CheckResult r) {
        Optional<Measure> measure = CheckMeasures.of(r);
        if (measure.isEmpty()) {
            return Optional.empty();
        }
        Measure m = measure.get();
        String key = r.host() + "\n" + r.check();
        Last before = last.get(key);
        if (before != null && !due(before, r, m)) {
            return Optional.empty();
        }
        last.put(key, new Last(r.at(), r.status(), m.value()));
        return Optional.of(new HealthSample(r.host(), r.check(), r.kind(), r.at(), r.status(), m.value(), m.unit()));
    }

    /** Forgets what was sampled: a new incident's journal starts from the next result of each check. */
    public void reset() {
        last.clear();
    }

    private boolean due(Last before, CheckResult r, Measure m) {
        Duration since = Duration.between(before.at(), r.at());
        if (before.status() != r.status() || since.compareTo(every) >= 0) {
            return true;
        }
        return since.compareTo(minGap) >= 0 && significant(before.value(), m);
    }

    static boolean significant(double before, Measure m) {
        Change rule = CHANGES.stream().filter(c -> c.unit().equals(m.unit())).findFirst().orElse(OTHER);
        double delta = Math.abs(m.value() - before);
        return delta > 0 && delta >= Math.max(rule.absolute(), rule.relative() * Math.abs(before));
    }
}
