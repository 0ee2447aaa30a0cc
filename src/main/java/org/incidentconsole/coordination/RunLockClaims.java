package org.incidentconsole.coordination;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.incidentconsole.incident.HostClaim;
import org.incidentconsole.incident.HostClaims;
import org.incidentconsole.incident.UnknownRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step runner's run locks of a shared incident, over {@link RunLocks} (one per incident id). A host's run is
 * refused while another console holds its lock ("not run: jana is running Step 5 on web-01 (since 14:02:11); its
 * output is in the shared timeline") and while an earlier run there lost its console and nobody acknowledged it
 * (its outcome is UNKNOWN until someone looks at the host).
 * <p>
 * Unreachable coordination Redis: the claim is REFUSED, saying so. A run lock that cannot be checked cannot tell
 * whether another console is restarting that host right now, and allowing the run would silently make a double run
 * possible — the very thing the lock exists to prevent. The operator can still act by hand (a terminal), or stop
 * sharing the incident. A lock whose release cannot reach Redis expires by itself after its TTL.
 */
public final class RunLockClaims implements HostClaims {
    private static final Logger LOG = LoggerFactory.getLogger(RunLockClaims.class);

    private final CoordinationRedis redis;
    private final Function<String, CoordinationKeys> keys;
    private final String consoleId;
    private final Duration ttl;
    private final ScheduledExecutorService renewer;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, RunLocks> byIncident = new ConcurrentHashMap<>();

    /**
     * @param keys     the keys of an incident id (e.g. {@code id -> CoordinationKeys.of(endpoint, id)})
     * @param ttl      how long a lock outlives its console's last renewal ({@link RunLocks#DEFAULT_TTL})
     * @param renewer  renews held locks every third of {@code ttl}
     * @param zone     the operator's zone, for the times in the sentences
     */
    public RunLockClaims(CoordinationRedis redis, Function<String, CoordinationKeys> keys, String consoleId,
                         Duration ttl, ScheduledExecutorService renewer, Clock clock, ZoneId zone) {
        this.redis = redis;
        this.keys = keys;
        this.consoleId = consoleId;
        this.ttl = ttl;
        this.renewer = renewer;
        this.clock = clock;
        this.zone = zone;
    }

    /** Keys under {@code prefix} (the endpoint's key prefix). */
    public RunLockClaims(CoordinationRedis redis, String prefix, String consoleId, Duration ttl,
                         ScheduledExecutorService renewer, Clock clock, ZoneId zone) {
        this(redis, id -> new CoordinationKeys(prefix, id), consoleId, ttl, renewer, clock, zone);
    }

    @Override
    public HostClaim claim(String incidentId, String step, String host, String operator) {
        try {
            LockAttempt attempt = locks(incidentId).acquireUnlessUnknown(step, host, operator);
            if (attempt instanceof LockAttempt.Granted granted) {
                return new Granted(granted.lock(), locks(incidentId));
            }
            if (attempt instanceof LockAttempt.Unknown unknown) {
                UnknownRun run = run(unknown.run(), unknown.expiredAt());
                return HostClaim.refused(run.refusal(zone), run);
            }
            LockStatus.Held holder = ((LockAttempt.Refused) attempt).holder();
            return HostClaim.refused("not run: " + sentence(holder) + "; its output is in the shared timeline",
                    null);
        } catch (CoordinationUnavailableException e) {
            LOG.warn("Run lock of {} on {} not checked: {}", step, host, e.getMessage());
            return HostClaim.refused("not run: the coordination Redis is unreachable (" + detail(e)
                    + "), so nobody can tell whether another console runs this step here", null);
        }
    }

    @Override
    public List<UnknownRun> unknown(String incidentId) {
        try {
            RunLocks locks = locks(incidentId);
            List<UnknownRun> runs = new ArrayList<>();
            for (LockStatus.ExpiredUnknown e : locks.expiredUnknown()) {
                runs.add(run(e, locks.expiredAt(e)));
            }
            return runs;
        } catch (CoordinationUnavailableException e) {
            LOG.warn("Unknown runs not listed: {}", e.getMessage());
            return List.of();
        }
    }

    @Override
    public boolean acknowledge(String incidentId, String step, String host, String finding, String operator) {
        try {
            RunLocks locks = locks(incidentId);
            return locks.holder(step, host) instanceof LockStatus.ExpiredUnknown unknown && locks.acknowledge(unknown);
        } catch (CoordinationUnavailableException e) {
            LOG.warn("Unknown run of {} on {} not acknowledged: {}", step, host, e.getMessage());
            return false;
        }
    }

    private RunLocks locks(String incidentId) {
        return byIncident.computeIfAbsent(incidentId,
                id -> new RunLocks(redis, keys.apply(id), consoleId, ttl, renewer, clock));
    }

    private static UnknownRun run(LockStatus.ExpiredUnknown e, Instant expiredAt) {
        LockOwner o = e.owner();
        return new UnknownRun(o.step(), o.host(), o.console(), o.operator(), e.fence(), expiredAt);
    }

    private String sentence(LockStatus status) {
        String s = status.describe(zone);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** "127.0.0.1:6380 not reachable: Connection refused" (the label said once, by the caller's sentence). */
    private String detail(CoordinationUnavailableException e) {
        String m = e.getMessage() == null ? "no answer" : e.getMessage();
        String label = redis.label();
        String address = label.replaceFirst("^the coordination Redis ", "");
        return m.startsWith(label) ? address + m.substring(label.length()) : m;
    }

    /** A lock held while the host's run lasts. */
    private final class Granted implements HostClaim {
        private final RunLock lock;
        private final RunLocks locks;

        Granted(RunLock lock, RunLocks locks) {
            this.lock = lock;
            this.locks = locks;
        }

        @Override
        public boolean granted() {
            return true;
        }

        @Override
        public long fence() {
            return lock.fence();
        }

        @Override
        public String refusal() {
            return null;
        }

        @Override
        public String release() {
            try {
                return switch (lock.release()) {
                    case RELEASED -> null;
                    case EXPIRED_BEFORE_RELEASE -> "expired before the run ended: its renewals did not reach"
                            + " the coordination Redis in time";
                    case HELD_BY_ANOTHER -> "expired before the run ended"
                            + (locks.holder(lock.owner().step(), lock.owner().host()) instanceof LockStatus.Held h
                            ? "; " + sentence(h) + " now" : " and another console took it");
                };
            } catch (CoordinationUnavailableException e) {
                return "not released: the coordination Redis is unreachable (" + detail(e) + "); it expires by"
                        + " itself within " + ttl.toSeconds() + " s";
            }
        }
    }
}
