package org.incidentconsole.coordination;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run locks per (incident, step, host) in the coordination Redis, so one step cannot run twice at once on a host
 * from two consoles. A lock is {@code SET NX PX ttl} with this console's owner value, renewed every third of its
 * TTL while held, released by compare-and-delete. Each grant is also recorded in the incident's grants hash (with
 * its fencing number), removed on release: a grant whose lock is gone is a run whose console vanished.
 */
public final class RunLocks {
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    /** How long the grants hash and the fence counter outlive the incident's last lock. */
    static final Duration RETENTION = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(RunLocks.class);

    private static final LuaScript ACQUIRE = LuaScript.of("""
            if ARGV[5] == '1' and redis.call('exists', KEYS[1]) == 0 then
              local unknown = redis.call('hget', KEYS[2], ARGV[3])
              if unknown then
                return {-1, unknown, redis.call('hget', KEYS[4], ARGV[3])}
              end
            end
            if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              local fence = redis.call('incr', KEYS[3])
              local previous = redis.call('hget', KEYS[2], ARGV[3])
              redis.call('hset', KEYS[2], ARGV[3], fence .. ' ' .. ARGV[1])
              redis.call('hset', KEYS[4], ARGV[3], ARGV[6])
              redis.call('pexpire', KEYS[2], ARGV[4])
              redis.call('pexpire', KEYS[3], ARGV[4])
              redis.call('pexpire', KEYS[4], ARGV[4])
              return {fence, previous}
            end
            return {0, redis.call('hget', KEYS[2], ARGV[3]), redis.call('get', KEYS[1]), redis.call('pttl', KEYS[1])}
            """);
    private static final LuaScript RENEW = LuaScript.of("""
            if redis.call('get', KEYS[1]) == ARGV[1] then
              redis.call('hset', KEYS[2], ARGV[3], ARGV[4])
              return redis.call('pexpire', KEYS[1], ARGV[2])
            end
            return 0
            """);
    private static final LuaScript RELEASE = LuaScript.of("""
            local result = 0
            local current = redis.call('get', KEYS[1])
            if current == ARGV[1] then
              redis.call('del', KEYS[1])
              result = 1
            elseif current then
              result = 2
            end
            if redis.call('hget', KEYS[2], ARGV[2]) == ARGV[3] then
              redis.call('hdel', KEYS[2], ARGV[2])
              redis.call('hdel', KEYS[3], ARGV[2])
            end
            return result
            """);
    private static final LuaScript HOLDER = LuaScript.of("""
            return {redis.call('get', KEYS[1]), redis.call('hget', KEYS[2], ARGV[1]), redis.call('pttl', KEYS[1])}
            """);
    private static final LuaScript ACKNOWLEDGE = LuaScript.of("""
            if redis.call('hget', KEYS[2], ARGV[1]) == ARGV[2] and redis.call('get', KEYS[1]) ~= ARGV[3] then
              redis.call('hdel', KEYS[3], ARGV[1])
              return redis.call('hdel', KEYS[2], ARGV[1])
            end
            return 0
            """);

    private final CoordinationRedis redis;
    private final CoordinationKeys keys;
    private final String consoleId;
    private final Duration ttl;
    private final ScheduledExecutorService renewer;
    private final Clock clock;

    /** {@code renewer} renews held locks; {@code clock} stamps "since". */
    public RunLocks(CoordinationRedis redis, CoordinationKeys keys, String consoleId, Duration ttl,
                    ScheduledExecutorService renewer, Clock clock) {
        if (ttl.toMillis() < 30) {
            throw new IllegalArgumentException("a run lock's TTL must be at least 30 ms, got " + ttl.toMillis()
                    + " ms");
        }
        this.redis = redis;
        this.keys = keys;
        this.consoleId = consoleId;
        this.ttl = ttl;
        this.renewer = renewer;
        this.clock = clock;
    }

    /** Takes the lock of {@code step} on {@code host} for {@code operator}, or says who holds it. */
    public LockAttempt acquire(String step, String host, String operator) throws CoordinationUnavailableException {
        return acquire(step, host, operator, false);
    }

    /**
     * As {@link #acquire}, but refuses with {@link LockAttempt.Unknown} (atomically) while an earlier run on the step
     * and host lost its console and nobody has acknowledged it yet: what that run did there is not known.
     */
    public LockAttempt acquireUnlessUnknown(String step, String host, String operator)
            throws CoordinationUnavailableException {
        return acquire(step, host, operator, true);
    }

    private LockAttempt acquire(String step, String host, String operator, boolean unlessUnknown)
            throws CoordinationUnavailableException {
        LockOwner owner = new LockOwner(consoleId, operator, step, host, clock.instant());
        String value = CoordinationJson.write(owner);
        List<?> reply = (List<?>) redis.run(ACQUIRE,
                List.of(keys.lock(step, host), keys.grants(), keys.fence(), keys.lockExpiries()),
                List.of(value, String.valueOf(ttl.toMillis()), CoordinationKeys.grantField(step, host),
                        String.valueOf(RETENTION.toMillis()), unlessUnknown ? "1" : "0", expiresFromNow()));
        long fence = (Long) reply.get(0);
        if (fence < 0) {
            LockStatus.ExpiredUnknown unknown = expired((String) at(reply, 1));
            if (unknown.owner() == null) {
                return acquire(step, host, operator, false); // written by another version: nothing to show
            }
            return new LockAttempt.Unknown(unknown, instant((String) at(reply, 2)));
        }
        if (fence == 0) {
            return new LockAttempt.Refused(held((String) at(reply, 2), (String) at(reply, 1), (Long) at(reply, 3),
                    step, host));
        }
        RunLock lock = new RunLock(this, owner, value, fence);
        long period = Math.max(10, ttl.toMillis() / 3);
        lock.renewWith(renewer.scheduleWithFixedDelay(() -> keepAlive(lock), period, period, TimeUnit.MILLISECONDS));
        Optional<LockStatus.ExpiredUnknown> replaced = Optional.ofNullable((String) at(reply, 1))
                .map(RunLocks::expired).filter(e -> e.owner() != null);
        return new LockAttempt.Granted(lock, replaced);
    }

    /** Who holds the lock of {@code step} on {@code host}, or whether a run there lost its console. */
    public LockStatus holder(String step, String host) throws CoordinationUnavailableException {
        List<?> reply = (List<?>) redis.run(HOLDER, List.of(keys.lock(step, host), keys.grants()),
                List.of(CoordinationKeys.grantField(step, host)));
        String value = (String) at(reply, 0);
        String grant = (String) at(reply, 1);
        if (value != null) {
            return held(value, grant, (Long) at(reply, 2), step, host);
        }
        if (grant != null) {
            LockStatus.ExpiredUnknown expired = expired(grant);
            if (expired.owner() != null) {
                return expired;
            }
        }
        return new LockStatus.Free(step, host);
    }

    /** Every run of the incident whose lock expired without a release (outcome UNKNOWN), oldest first. */
    public List<LockStatus.ExpiredUnknown> expiredUnknown() throws CoordinationUnavailableException {
        Map<String, String> grants = redis.with(j -> j.hgetAll(keys.grants()));
        List<LockStatus.ExpiredUnknown> found = new ArrayList<>();
        for (String grant : grants.values()) {
            LockStatus.ExpiredUnknown expired = expired(grant);
            if (expired.owner() != null) {
                LockOwner o = expired.owner();
                String current = redis.with(j -> j.get(keys.lock(o.step(), o.host())));
                if (!ownerPart(grant).equals(current)) {
                    found.add(expired);
                }
            }
        }
        found.sort((a, b) -> Long.compare(a.fence(), b.fence()));
        return found;
    }

    /** When the lock of an unknown run expired (its last renewal's end), or null when not recorded. */
    public Instant expiredAt(LockStatus.ExpiredUnknown expired) throws CoordinationUnavailableException {
        LockOwner o = expired.owner();
        return instant(redis.with(j -> j.hget(keys.lockExpiries(), CoordinationKeys.grantField(o.step(), o.host()))));
    }

    /** Someone looked at the host: forget the unknown run (journal who did). False if it was no longer there. */
    public boolean acknowledge(LockStatus.ExpiredUnknown expired) throws CoordinationUnavailableException {
        LockOwner o = expired.owner();
        String value = CoordinationJson.write(o);
        Object reply = redis.run(ACKNOWLEDGE, List.of(keys.lock(o.step(), o.host()), keys.grants(),
                        keys.lockExpiries()),
                List.of(CoordinationKeys.grantField(o.step(), o.host()), expired.fence() + " " + value, value));
        return ((Long) reply) == 1L;
    }

    boolean renew(RunLock lock) throws CoordinationUnavailableException {
        LockOwner o = lock.owner();
        Object reply = redis.run(RENEW, List.of(keys.lock(o.step(), o.host()), keys.lockExpiries()),
                List.of(lock.value(), String.valueOf(ttl.toMillis()), CoordinationKeys.grantField(o.step(), o.host()),
                        expiresFromNow()));
        return ((Long) reply) == 1L;
    }

    RunLock.Release release(RunLock lock) throws CoordinationUnavailableException {
        LockOwner o = lock.owner();
        long reply = (Long) redis.run(RELEASE, List.of(keys.lock(o.step(), o.host()), keys.grants(),
                        keys.lockExpiries()),
                List.of(lock.value(), CoordinationKeys.grantField(o.step(), o.host()), lock.grant()));
        return reply == 1L ? RunLock.Release.RELEASED
                : reply == 2L ? RunLock.Release.HELD_BY_ANOTHER : RunLock.Release.EXPIRED_BEFORE_RELEASE;
    }

    private void keepAlive(RunLock lock) {
        try {
            if (!lock.renew()) {
                LOG.warn("Run lock of {} on {} was lost before its step ended", lock.owner().step(),
                        lock.owner().host());
            }
        } catch (CoordinationUnavailableException e) {
            LOG.warn("Run lock of {} on {} not renewed: {}", lock.owner().step(), lock.owner().host(),
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Run lock renewal failed", e);
        }
    }

    private static LockStatus.Held held(String value, String grant, Long pttl, String step, String host) {
        LockOwner owner = CoordinationJson.read(value, LockOwner.class);
        if (owner == null) {
            owner = new LockOwner("?", "another console", step, host, null);
        }
        long fence = grant != null && ownerPart(grant).equals(value) ? fencePart(grant) : 0;
        return new LockStatus.Held(owner, fence, Duration.ofMillis(pttl == null ? 0 : Math.max(0, pttl)));
    }

    private static LockStatus.ExpiredUnknown expired(String grant) {
        return new LockStatus.ExpiredUnknown(CoordinationJson.read(ownerPart(grant), LockOwner.class),
                fencePart(grant));
    }

    private String expiresFromNow() {
        return String.valueOf(clock.millis() + ttl.toMillis());
    }

    private static Instant instant(String millis) {
        try {
            return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long fencePart(String grant) {
        int space = grant.indexOf(' ');
        try {
            return space < 0 ? 0 : Long.parseLong(grant.substring(0, space));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String ownerPart(String grant) {
        int space = grant.indexOf(' ');
        return space < 0 ? grant : grant.substring(space + 1);
    }

    private static Object at(List<?> reply, int index) {
        return index < reply.size() ? reply.get(index) : null;
    }
}
