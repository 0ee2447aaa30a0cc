package org.incidentconsole.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.incidentconsole.breaker.BreakerPoll;
import org.incidentconsole.breaker.TrackedBreaker;
import org.incidentconsole.severity.Severity;

/**
 * Reads the health checks and breakers against the rollback triggers and the decision matrix and says what
 * to do, how severe it is, and why: which check, which value, since when.
 */
public final class SeverityAdvisor {
    /**
     * From weakest to strongest. CONNECTING: a host's checks wait for its first connection. WATCHING_ROLLBACK: the
     * rollback is done and the signals that called for it are recovering. CANNOT_SEE: fewer than half the hosts
     * answer, so nothing calm may be read from the rest.
     */
    public enum Action { NONE, CONNECTING, WATCH, WATCHING_ROLLBACK, INVESTIGATE, CANNOT_SEE, ROLLBACK_NOW }

    public record Thresholds(double errorRatePercent, Duration errorRateFor, double investigatePercent,
                             Duration breakerStuckOpen) {
        public static Thresholds defaults() {
            return new Thresholds(5, Duration.ofMinutes(2), 1, Duration.ofMinutes(5));
        }

        /** From an inventory's thresholds block; missing values take the defaults. */
        public static Thresholds of(Map<String, Object> values) {
            Thresholds d = defaults();
            return new Thresholds(number(values, "error_rate_percent", d.errorRatePercent),
                    Duration.ofSeconds((long) (number(values, "error_rate_minutes", 2) * 60)),
                    number(values, "investigate_error_rate_percent", d.investigatePercent),
                    Duration.ofSeconds((long) (number(values, "breaker_stuck_open_minutes", 5) * 60)));
        }

        private static double number(Map<String, Object> values, String key, double fallback) {
            Object v = values.get(key);
            return v instanceof Number n ? n.doubleValue() : fallback;
        }
    }

    public record Reason(Severity priority, Action action, String host, String check, String value, Instant since,
                         String text) {
    }

    /** {@code priority} is null when nothing calls for an incident. */
    public record Advice(Severity priority, Action action, List<Reason> reasons) {
    }

    public Advice advise(Collection<LatestCheck> checks, Collection<BreakerPoll> breakers, Thresholds t, Instant now) {
        List<Reason> reasons = new ArrayList<>();
        for (LatestCheck state : checks) {
            reason(state, t, now, reasons);
        }
        blind(checks, now).ifPresent(reasons::add);
        for (BreakerPoll panel : breakers) {
            for (TrackedBreaker b : panel.breakers()) {
                if (b.openFor() != null && b.openFor().compareTo(t.breakerStuckOpen()) > 0) {
                    reasons.add(new Reason(Severity.P1, Action.ROLLBACK_NOW, panel.source(), b.breaker().service(),
                            "open " + b.openFor().toMinutes() + " min", b.openSince(), "circuit breaker "
                            + b.breaker().service() + " stuck open for more than " + t.breakerStuckOpen().toMinutes()
                            + " min"));
                }
            }
        }
        reasons.sort(Comparator.comparing(Reason::priority, Comparator.nullsLast(Comparator.<Severity>naturalOrder()))
                .thenComparing(r -> -r.action().ordinal()));
        Severity priority = reasons.stream().map(Reason::priority).filter(p -> p != null).min(Comparator.naturalOrder())
                .orElse(null);
        Action action = reasons.stream().map(Reason::action).max(Comparator.naturalOrder()).orElse(Action.NONE);
        return new Advice(priority, action, reasons);
    }

    private static void reason(LatestCheck state, Thresholds t, Instant now, List<Reason> out) {
        CheckResult r = state.latest();
        Duration lasting = Duration.between(state.since(), now);
        HealthStatus s = r.status();
        if (s == HealthStatus.OK) {
            return;
        }
        if (r.reach() == Reachability.CONNECTING) {
            out.add(of(null, Action.CONNECTING, r, state, "connecting to " + r.host() + ": no result yet"));
            return;
        }
        if (s == HealthStatus.UNKNOWN) {
            out.add(of(null, Action.WATCH, r, state, "cannot tell: " + r.check() + " on " + r.host() + " gives "
                    + r.value()));
            return;
        }
        boolean critical = s == HealthStatus.CRITICAL;
        switch (r.kind()) {
            case "http" -> {
                if (critical) {
                    out.add(of(Severity.P1, Action.ROLLBACK_NOW, r, state, "health endpoint failing"));
                } else {
                    out.add(of(Severity.P3, Action.WATCH, r, state, "health endpoint slow"));
                }
            }
            case "log-errors" -> {
                if (critical && lasting.compareTo(t.errorRateFor()) > 0) {
                    out.add(of(Severity.P1, Action.ROLLBACK_NOW, r, state, "error rate above " + t.errorRatePercent()
                            + "% for more than " + t.errorRateFor().toMinutes() + " min"));
                } else if (critical) {
                    out.add(of(Severity.P2, Action.INVESTIGATE, r, state, "error rate above " + t.errorRatePercent()
                            + "% for " + lasting.toSeconds() + " s: roll back if it lasts "
                            + t.errorRateFor().toMinutes() + " min"));
                } else {
                    out.add(of(Severity.P2, Action.INVESTIGATE, r, state, "error rate between "
                            + t.investigatePercent() + "% and " + t.errorRatePercent() + "%: investigate for up to 15 min"));
                }
            }
            case "pii-scan" -> out.add(of(Severity.P0, Action.ROLLBACK_NOW, r, state,
                    "personal data or secrets visible in the logs"));
            case "memory" -> out.add(critical ? of(Severity.P0, Action.ROLLBACK_NOW, r, state, "memory exhausted")
                    : of(Severity.P3, Action.WATCH, r, state, "memory running low"));
            case "disk" -> out.add(critical ? of(Severity.P0, Action.INVESTIGATE, r, state, "disk full: free space now")
                    : of(Severity.P3, Action.WATCH, r, state, "disk filling up"));
            case "systemd" -> out.add(of(Severity.P1, Action.INVESTIGATE, r, state, "service not running: restart it or"
                    + " roll back"));
            default -> out.add(critical ? of(Severity.P2, Action.INVESTIGATE, r, state, r.check() + " failing")
                    : of(Severity.P3, Action.WATCH, r, state, r.check() + " warning"));
        }
    }

    /** Fewer than half of the hosts reachable (every check of a host unreachable): production cannot be seen. */
    private static Optional<Reason> blind(Collection<LatestCheck> checks, Instant now) {
        Map<String, Boolean> reachable = new TreeMap<>();
        Map<String, Instant> since = new HashMap<>();
        for (LatestCheck s : checks) {
            boolean unreachable = s.latest().reach().unseen();
            reachable.merge(s.latest().host(), !unreachable, Boolean::logicalOr);
            if (unreachable) {
                since.merge(s.latest().host(), s.since(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        long seen = reachable.values().stream().filter(b -> b).count();
        if (reachable.isEmpty() || seen * 2 >= reachable.size()) {
            return Optional.empty();
        }
        Instant from = since.values().stream().max(Comparator.naturalOrder()).orElse(now);
        return Optional.of(new Reason(null, Action.CANNOT_SEE, String.join(", ", reachable.entrySet()
                .stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList()), "reachability",
                seen + " of " + reachable.size() + " hosts reachable", from, "cannot see production: only " + seen
                + " of " + reachable.size() + " hosts answer; connect them before trusting any reading"));
    }

    private static Reason of(Severity p, Action a, CheckResult r, LatestCheck s, String text) {
        return new Reason(p, a, r.host(), r.check(), r.value(), s.since(), text);
    }
}
