package org.incidentconsole.breaker;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.incidentconsole.inventory.BreakerSettings;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Reset, trip and clear breakers and rate limiters. Each breaker's keys change together in one MULTI/EXEC;
 * every result carries the values before and after, key by key, and failures are reported per key.
 */
public final class BreakerActions {
    private static final int BATCH = 500;

    private final RedisLink link;
    private final BreakerReader reader;
    private final BreakerSettings settings;
    private final Clock clock;

    public BreakerActions(RedisLink link, BreakerSettings settings, Clock clock) {
        this.link = link;
        this.reader = new BreakerReader(settings);
        this.settings = settings;
        this.clock = clock;
    }

    /** Closed, failures and opened-at deleted. */
    public ActionResult reset(String service) throws RedisUnavailableException {
        return run("reset " + service, List.of(service), this::resetPlan);
    }

    public ActionResult resetAll() throws RedisUnavailableException {
        return run("reset all", services(), this::resetPlan);
    }

    /** Open, with the opening time when the scheme keeps one. */
    public ActionResult trip(String service) throws RedisUnavailableException {
        return run("trip " + service, List.of(service), this::tripPlan);
    }

    public ActionResult tripAll() throws RedisUnavailableException {
        return run("trip all", services(), this::tripPlan);
    }

    public ActionResult clearFailures(String service) throws RedisUnavailableException {
        return run("clear failures " + service, List.of(service), (scheme, s) -> {
            Map<String, String> plan = new LinkedHashMap<>();
            if (scheme.failures(s) != null) {
                plan.put(scheme.failures(s), null);
            }
            return plan;
        });
    }

    /** Deletes every rate-limit counter matching the inventory's patterns (SCAN, then UNLINK in batches). */
    public ActionResult clearRateLimits() throws RedisUnavailableException {
        return link.with(jedis -> {
            List<String> keys = new ArrayList<>();
            for (String pattern : settings.rateLimitPatterns()) {
                keys.addAll(BreakerReader.scan(jedis, pattern));
            }
            List<ActionResult.KeyChange> changes = new ArrayList<>();
            for (int i = 0; i < keys.size(); i += BATCH) {
                List<String> batch = keys.subList(i, Math.min(keys.size(), i + BATCH));
                Map<String, String> before = values(jedis, batch);
                try {
                    jedis.unlink(batch.toArray(String[]::new));
                    Map<String, String> after = values(jedis, batch);
                    batch.forEach(k -> changes.add(new ActionResult.KeyChange(k, before.get(k), after.get(k), null)));
                } catch (JedisException e) {
                    batch.forEach(k -> changes.add(new ActionResult.KeyChange(k, before.get(k), null, message(e))));
                }
            }
            return new ActionResult("clear rate limits", changes);
        });
    }

    @FunctionalInterface
    private interface Planner {
        /** key → new value, or null to delete it. */
        Map<String, String> plan(KeyScheme scheme, String service);
    }

    private Map<String, String> resetPlan(KeyScheme scheme, String service) {
        Map<String, String> plan = new LinkedHashMap<>();
        plan.put(scheme.state(service), BreakerState.CLOSED.value());
        if (scheme.failures(service) != null) {
            plan.put(scheme.failures(service), null);
        }
        if (scheme.openedAt(service) != null) {
            plan.put(scheme.openedAt(service), null);
        }
        return plan;
    }

    private Map<String, String> tripPlan(KeyScheme scheme, String service) {
        Map<String, String> plan = new LinkedHashMap<>();
        plan.put(scheme.state(service), BreakerState.OPEN.value());
        if (scheme.openedAt(service) != null) {
            plan.put(scheme.openedAt(service), String.valueOf(clock.instant().getEpochSecond()));
        }
        return plan;
    }

    private List<String> services() throws RedisUnavailableException {
        return link.with(jedis -> reader.read(jedis, clock.instant())).breakers().stream()
                .map(Breaker::service).distinct().toList();
    }

    private ActionResult run(String action, List<String> services, Planner planner) throws RedisUnavailableException {
        return link.with(jedis -> {
            List<ActionResult.KeyChange> changes = new ArrayList<>();
            for (String service : services) {
                KeyScheme scheme = schemeOf(jedis, service);
                if (scheme == null) {
                    changes.add(new ActionResult.KeyChange(service, null, null, "no breaker named '" + service + "'"));
                    continue;
                }
                changes.addAll(apply(jedis, planner.plan(scheme, service)));
            }
            return new ActionResult(action, changes);
        });
    }

    private KeyScheme schemeOf(Jedis jedis, String service) {
        for (KeyScheme scheme : reader.schemes()) {
            if (jedis.exists(scheme.state(service))) {
                return scheme;
            }
        }
        return null;
    }

    /** One breaker: read before, change all its keys in one transaction, read after. */
    private static List<ActionResult.KeyChange> apply(Jedis jedis, Map<String, String> plan) {
        List<String> keys = new ArrayList<>(plan.keySet());
        Map<String, String> before = values(jedis, keys);
        String error = null;
        try {
            Transaction tx = jedis.multi();
            plan.forEach((key, value) -> {
                if (value == null) {
                    tx.del(key);
                } else {
                    tx.set(key, value);
                }
            });
            List<Object> replies = tx.exec();
            if (replies == null) {
                error = "the transaction was aborted";
            } else {
                error = replies.stream().filter(r -> r instanceof Exception).map(r -> ((Exception) r).getMessage())
                        .filter(Objects::nonNull).findFirst().orElse(null);
            }
        } catch (JedisException e) {
            error = message(e);
        }
        Map<String, String> after = error == null ? values(jedis, keys) : before;
        List<ActionResult.KeyChange> changes = new ArrayList<>();
        for (String key : keys) {
            changes.add(new ActionResult.KeyChange(key, before.get(key), after.get(key), error));
        }
        return changes;
    }

    private static Map<String, String> values(Jedis jedis, List<String> keys) {
        Pipeline p = jedis.pipelined();
        Map<String, Response<String>> responses = new LinkedHashMap<>();
        keys.forEach(k -> responses.put(k, p.get(k)));
        p.sync();
        Map<String, String> values = new LinkedHashMap<>();
        responses.forEach((k, r) -> {
            try {
                values.put(k, r.get());
            } catch (JedisDataException e) {
                values.put(k, "(" + BreakerReader.plain(e) + ")");
            }
        });
        return values;
    }

    private static String message(JedisException e) {
        return e instanceof JedisDataException d ? BreakerReader.plain(d) : String.valueOf(e.getMessage());
    }
}
