package org.incidentconsole.coordination;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.SetParams;

/**
 * Who has the incident open, in which role, doing what. Each console writes its own entry with a TTL and
 * refreshes it; a console that vanishes drops out when its entry expires. The incident commander is one key of
 * its own, so exactly one operator holds the role: the roles listed by {@link #present()} follow it.
 */
public final class Presence {
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(Presence.class);
    private static final LuaScript HAND_OVER = LuaScript.of("""
            local current = redis.call('get', KEYS[1])
            if (not current and ARGV[1] == '') or current == ARGV[1] then
              redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0
            """);

    private final CoordinationRedis redis;
    private final CoordinationKeys keys;
    private final String consoleId;
    private final Duration ttl;
    private final Clock clock;
    private volatile PresenceEntry entry;
    private volatile ScheduledFuture<?> refresher;

    public Presence(CoordinationRedis redis, CoordinationKeys keys, String consoleId, Duration ttl, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.consoleId = consoleId;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * Announces this console. Joining as incident commander claims the role only if nobody holds it; the entry
     * returned shows the role the others see.
     */
    public PresenceEntry join(String operator, Role role) throws CoordinationUnavailableException {
        entry = new PresenceEntry(consoleId, operator, role, null, List.of(), clock.instant());
        if (role == Role.INCIDENT_COMMANDER) {
            redis.with(j -> j.set(keys.commander(), operator,
                    SetParams.setParams().nx().px(RunLocks.RETENTION.toMillis())));
        }
        refresh();
        redis.with(j -> j.pexpire(keys.present(), RunLocks.RETENTION.toMillis()));
        String commander = commander().orElse(null);
        return seated(entry, commander);
    }

    /** What this console's operator does now (shown to the others at once). */
    public void doing(String step, List<String> hosts) throws CoordinationUnavailableException {
        entry = joined().doing(step, hosts);
        refresh();
    }

    public void idle() throws CoordinationUnavailableException {
        doing(null, List.of());
    }

    /** Writes this console's entry again with a fresh TTL. */
    public void refresh() throws CoordinationUnavailableException {
        PresenceEntry current = joined();
        redis.with(j -> {
            j.set(keys.presence(consoleId), CoordinationJson.write(current), SetParams.setParams().px(ttl.toMillis()));
            return j.sadd(keys.present(), consoleId);
        });
    }

    /** Refreshes the entry every third of its TTL on {@code scheduler} until {@link #leave()}. */
    public void keepAlive(ScheduledExecutorService scheduler) {
        long period = Math.max(10, ttl.toMillis() / 3);
        stopRefreshing();
        refresher = scheduler.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (CoordinationUnavailableException e) {
                LOG.warn("Presence not refreshed: {}", e.getMessage());
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** Closes the incident on this console: the others stop seeing it at once. */
    public void leave() throws CoordinationUnavailableException {
        stopRefreshing();
        redis.with(j -> {
            j.del(keys.presence(consoleId));
            return j.srem(keys.present(), consoleId);
        });
    }

    /** Everyone whose entry has not expired, by operator; the commander's role as the commander key says. */
    public List<PresenceEntry> present() throws CoordinationUnavailableException {
        List<String> consoles = new ArrayList<>(redis.with(j -> j.smembers(keys.present())));
        if (consoles.isEmpty()) {
            return List.of();
        }
        List<String> values = redis.with(j -> j.mget(consoles.stream().map(keys::presence).toArray(String[]::new)));
        String commander = commander().orElse(null);
        List<PresenceEntry> found = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < consoles.size(); i++) {
            PresenceEntry e = values.get(i) == null ? null : CoordinationJson.read(values.get(i), PresenceEntry.class);
            if (e == null) {
                gone.add(consoles.get(i));
            } else {
                found.add(seated(e, commander));
            }
        }
        if (!gone.isEmpty()) {
            redis.with(j -> j.srem(keys.present(), gone.toArray(String[]::new)));
        }
        found.sort(Comparator.comparing(PresenceEntry::operator).thenComparing(PresenceEntry::console));
        return found;
    }

    public Optional<String> commander() throws CoordinationUnavailableException {
        return Optional.ofNullable(redis.with(j -> j.get(keys.commander())));
    }

    /**
     * Passes the commander role from {@code by} to {@code to}, who must have the incident open. Only the
     * commander may hand it over, unless nobody holds it or the commander's console is gone.
     */
    public CommanderHandOver handOver(String by, String to)
            throws CoordinationUnavailableException, CoordinationRefusedException {
        List<PresenceEntry> here = present();
        String newCommander = here.stream().map(PresenceEntry::operator).filter(o -> o.equalsIgnoreCase(to.strip()))
                .findFirst().orElseThrow(() -> new CoordinationRefusedException(
                        to + " does not have the incident open: only someone present can become incident commander."));
        String current = commander().orElse(null);
        boolean currentPresent = current != null && here.stream().anyMatch(e -> e.operator().equalsIgnoreCase(current));
        if (currentPresent && !current.equalsIgnoreCase(by.strip())) {
            throw new CoordinationRefusedException("Only the incident commander (" + current
                    + ") can hand the role over.");
        }
        long swapped = (Long) redis.run(HAND_OVER, List.of(keys.commander()),
                List.of(current == null ? "" : current, newCommander, String.valueOf(RunLocks.RETENTION.toMillis())));
        if (swapped != 1L) {
            throw new CoordinationRefusedException("The incident commander changed meanwhile: now "
                    + commander().orElse("nobody") + ".");
        }
        return new CommanderHandOver(current, newCommander, by, clock.instant());
    }

    void stopRefreshing() {
        ScheduledFuture<?> task = refresher;
        if (task != null) {
            task.cancel(false);
        }
    }

    private PresenceEntry joined() {
        PresenceEntry current = entry;
        if (current == null) {
            throw new IllegalStateException("join the incident first");
        }
        return current;
    }

    private static PresenceEntry seated(PresenceEntry e, String commander) {
        if (commander != null && e.operator().equalsIgnoreCase(commander)) {
            return e.as(Role.INCIDENT_COMMANDER);
        }
        return e.role() == Role.INCIDENT_COMMANDER ? e.as(Role.OPERATOR) : e;
    }
}
