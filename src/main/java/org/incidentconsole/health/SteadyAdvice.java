package org.incidentconsole.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentconsole.health.SeverityAdvisor.Action;
import org.incidentconsole.health.SeverityAdvisor.Advice;
import org.incidentconsole.health.SeverityAdvisor.Reason;
import org.incidentconsole.severity.Severity;

/**
 * The advisor's reading made steady enough to act on. A reason is shown once it has held for {@code raiseAfter}
 * polls in a row and dropped once it has been absent for {@code clearAfter} polls in a row, so one log line sliding
 * through a window no longer flips P0 and P1. After the rollback milestone a ROLL BACK NOW reason reads "rolled back
 * — watching" while the signals recover, for up to {@code recovery}; past that it asks to investigate. A poll is a
 * new round of results: called again with the same round, the last answer is repeated and nothing is counted.
 * Not thread-safe: one caller (the advisor's tick).
 */
public final class SteadyAdvice {
    /**
     * From the inventory's {@code thresholds}: {@code raise_after_polls} (default 2), {@code clear_after_polls}
     * (default 3), {@code rollback_recovery_minutes} (default 10).
     */
    public record Settings(int raiseAfter, int clearAfter, Duration recovery) {
        public static Settings defaults() {
            return new Settings(2, 3, Duration.ofMinutes(10));
        }

        public static Settings of(Map<String, Object> thresholds) {
            Settings d = defaults();
            return new Settings(count(thresholds, "raise_after_polls", d.raiseAfter),
                    count(thresholds, "clear_after_polls", d.clearAfter),
                    Duration.ofSeconds((long) (number(thresholds, "rollback_recovery_minutes", 10) * 60)));
        }

        private static int count(Map<String, Object> values, String key, int fallback) {
            return Math.max(1, (int) number(values, key, fallback));
        }

        private static double number(Map<String, Object> values, String key, double fallback) {
            return values.get(key) instanceof Number n ? n.doubleValue() : fallback;
        }
    }

    private record Streak(Reason latest, int present, int absent, boolean shown) {
    }

    private final Settings settings;
    private final Map<String, Streak> streaks = new LinkedHashMap<>();
    private Instant round;
    private Instant rolledBackAt;
    private Advice last = new Advice(null, Action.NONE, List.of());

    public SteadyAdvice(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param raw        this poll's reading
     * @param round      when the newest result of this poll arrived (the same value = the same poll)
     * @param rolledBack whether the incident has reached its rollback milestone
     */
    public Advice next(Advice raw, Instant round, boolean rolledBack, Instant now) {
        if (rolledBack && rolledBackAt == null) {
            rolledBackAt = now;
        } else if (!rolledBack) {
            rolledBackAt = null;
        }
        if (round != null && !round.equals(this.round)) {
            this.round = round;
            count(raw);
        }
        last = advice(now);
        return last;
    }

    private void count(Advice raw) {
        Map<String, Reason> seen = new HashMap<>();
        raw.reasons().forEach(r -> seen.put(key(r), r));
        for (Map.Entry<String, Streak> e : streaks.entrySet()) {
            Streak s = e.getValue();
            Reason r = seen.remove(e.getKey());
            e.setValue(r != null ? held(r, s.present + 1, 0, s.shown)
                    : new Streak(s.latest, 0, s.absent + 1, s.shown && s.absent + 1 < settings.clearAfter()));
        }
        seen.forEach((k, r) -> streaks.put(k, held(r, 1, 0, false)));
        streaks.values().removeIf(s -> !s.shown && s.present == 0);
    }

    private Streak held(Reason r, int present, int absent, boolean shown) {
        // connecting is shown at once: it only says what is happening
        return new Streak(r, present, absent, shown || present >= settings.raiseAfter()
                || r.action() == Action.CONNECTING);
    }

    private Advice advice(Instant now) {
        List<Reason> shown = new ArrayList<>();
        for (Streak s : streaks.values()) {
            if (s.shown) {
                shown.add(afterRollback(s.latest, now));
            }
        }
        shown.sort(Comparator.comparing(Reason::priority, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> -r.action().ordinal()));
        Severity priority = shown.stream().map(Reason::priority).filter(p -> p != null)
                .min(Comparator.naturalOrder()).orElse(null);
        Action action = shown.stream().map(Reason::action).max(Comparator.naturalOrder()).orElse(Action.NONE);
        return new Advice(priority, action, shown);
    }

    private Reason afterRollback(Reason r, Instant now) {
        if (rolledBackAt == null || r.action() != Action.ROLLBACK_NOW) {
            return r;
        }
        Duration since = Duration.between(rolledBackAt, now);
        if (since.compareTo(settings.recovery()) <= 0) {
            return new Reason(r.priority(), Action.WATCHING_ROLLBACK, r.host(), r.check(), r.value(), r.since(),
                    "rolled back — watching it recover: " + r.text());
        }
        return new Reason(r.priority(), Action.INVESTIGATE, r.host(), r.check(), r.value(), r.since(),
                "not recovered " + since.toMinutes() + " min after the rollback: " + r.text());
    }

    /** One reason: the same host, check and action (its wording may carry changing figures). */
    private static String key(Reason r) {
        return r.host() + "\u0000" + r.check() + "\u0000" + r.action();
    }
}
