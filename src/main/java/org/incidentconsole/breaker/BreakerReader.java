package org.incidentconsole.breaker;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentconsole.inventory.BreakerSettings;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Reads breakers and rate limiters with SCAN (never KEYS, which blocks a production Redis) and one pipelined
 * round of GET/TTL. A key of the wrong type or an unreadable value becomes that breaker's error.
 */
final class BreakerReader {
    /** Keys examined per SCAN call: few round trips, and still only a few ms of Redis time per call. */
    private static final int SCAN_COUNT = 10_000;
    private static final int MGET_BATCH = 1000;

    private final List<KeyScheme> schemes;
    private final List<String> rateLimitPatterns;

    BreakerReader(BreakerSettings settings) {
        this.schemes = settings.schemes().stream().map(KeyScheme::new).toList();
        this.rateLimitPatterns = settings.rateLimitPatterns();
    }

    List<KeyScheme> schemes() {
        return schemes;
    }

    static Set<String> scan(Jedis jedis, String pattern) {
        return new LinkedHashSet<>(scanList(jedis, pattern));
    }

    /** The keys of one breaker found by SCAN, then where each one's value sits in the MGET answer. */
    private static final class Slot {
        final KeyScheme scheme;
        final String service;
        final String[] keys = new String[KeyScheme.KINDS];
        final int[] at = {-1, -1, -1, -1};

        Slot(KeyScheme scheme, String service) {
            this.scheme = scheme;
            this.service = service;
        }
    }

    /**
     * One SCAN walk per scheme finds the state keys and which companion keys exist; one pipeline of MGETs reads
     * the existing keys; TYPE is asked only for keys that exist but read back nil (a wrong type). Values are
     * kept by position, not in hash maps: at 10,000 breakers the hashing of fresh key strings was most of the
     * client's time.
     */
    BreakerSnapshot read(Jedis jedis, Instant now) {
        List<Slot> slots = new ArrayList<>();
        for (KeyScheme scheme : schemes) {
            Map<String, Slot> byService = new HashMap<>();
            for (String pattern : scheme.scanPatterns()) {
                for (String key : scanList(jedis, pattern)) {
                    for (int kind = 0; kind < KeyScheme.KINDS; kind++) {
                        String service = scheme.serviceOf(kind, key);
                        if (service != null) {
                            byService.computeIfAbsent(service, s -> new Slot(scheme, s)).keys[kind] = key;
                        }
                    }
                }
            }
            byService.values().forEach(slot -> {
                if (slot.keys[KeyScheme.STATE] != null) {
                    slots.add(slot);
                }
            });
        }
        slots.sort(Comparator.comparing((Slot s) -> s.service).thenComparing(s -> s.keys[KeyScheme.STATE]));
        List<String> limitKeys = new ArrayList<>();
        Set<String> seenLimits = new HashSet<>();
        for (String pattern : rateLimitPatterns) {
            for (String key : scanList(jedis, pattern)) {
                if (seenLimits.add(key)) {
                    limitKeys.add(key);
                }
            }
        }
        limitKeys.sort(Comparator.naturalOrder());
        List<String> wanted = new ArrayList<>(slots.size() * 2 + limitKeys.size());
        for (Slot slot : slots) {
            for (int kind = 0; kind < KeyScheme.KINDS; kind++) {
                if (slot.keys[kind] != null) {
                    slot.at[kind] = wanted.size();
                    wanted.add(slot.keys[kind]);
                }
            }
        }
        int firstLimit = wanted.size();
        wanted.addAll(limitKeys);
        String[] values = mget(jedis, wanted);
        List<Long> ttls = ttls(jedis, limitKeys);
        String[] problems = types(jedis, wanted, values);
        List<Breaker> breakers = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            breakers.add(breaker(slot, values, problems));
        }
        List<RateLimit> limits = new ArrayList<>(limitKeys.size());
        for (int i = 0; i < limitKeys.size(); i++) {
            String key = limitKeys.get(i);
            String problem = problems[firstLimit + i];
            limits.add(new RateLimit(key, values[firstLimit + i], ttls.get(i), problem == null ? null : key + ": " + problem));
        }
        return new BreakerSnapshot(now, breakers, limits, null);
    }

    private static List<String> scanList(Jedis jedis, String pattern) {
        List<String> keys = new ArrayList<>();
        ScanParams params = new ScanParams().match(pattern).count(SCAN_COUNT);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    private static String[] mget(Jedis jedis, List<String> keys) {
        String[] values = new String[keys.size()];
        Pipeline p = jedis.pipelined();
        List<Response<List<String>>> batches = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += MGET_BATCH) {
            batches.add(p.mget(keys.subList(i, Math.min(keys.size(), i + MGET_BATCH)).toArray(String[]::new)));
        }
        p.sync();
        for (int b = 0; b < batches.size(); b++) {
            List<String> got = batches.get(b).get();
            for (int i = 0; i < got.size(); i++) {
                values[b * MGET_BATCH + i] = got.get(i);
            }
        }
        return values;
    }

    private static List<Long> ttls(Jedis jedis, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Pipeline p = jedis.pipelined();
        List<Response<Long>> responses = new ArrayList<>(keys.size());
        keys.forEach(k -> responses.add(p.ttl(k)));
        p.sync();
        return responses.stream().map(Response::get).toList();
    }

    /** For keys that read back nil although SCAN saw them: "wrong type (hash)" or "deleted while reading". */
    private static String[] types(Jedis jedis, List<String> keys, String[] values) {
        String[] problems = new String[keys.size()];
        Pipeline p = null;
        Map<Integer, Response<String>> responses = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                p = p == null ? jedis.pipelined() : p;
                responses.put(i, p.type(keys.get(i)));
            }
        }
        if (p == null) {
            return problems;
        }
        p.sync();
        responses.forEach((i, r) -> {
            String type = r.get();
            problems[i] = "none".equals(type) ? "deleted while it was read"
                    : "wrong type of key (" + type + ", not a plain string value)";
        });
        return problems;
    }

    private static Breaker breaker(Slot slot, String[] values, String[] problems) {
        List<String> errors = new ArrayList<>(0);
        String key = slot.keys[KeyScheme.STATE];
        String raw = value(slot, KeyScheme.STATE, values, problems, errors);
        Long failures = number(value(slot, KeyScheme.FAILURES, values, problems, errors),
                slot.keys[KeyScheme.FAILURES], errors);
        Instant openedAt = time(value(slot, KeyScheme.OPENED_AT, values, problems, errors),
                slot.keys[KeyScheme.OPENED_AT], errors);
        Instant lastFailure = time(value(slot, KeyScheme.LAST_FAILURE, values, problems, errors),
                slot.keys[KeyScheme.LAST_FAILURE], errors);
        BreakerState state = BreakerState.parse(raw);
        if (raw != null && state == BreakerState.UNKNOWN) {
            errors.add(key + " holds '" + raw + "', not closed / open / half_open");
        }
        return new Breaker(slot.service, key, state, raw, failures, openedAt, lastFailure,
                errors.isEmpty() ? null : String.join("; ", errors));
    }

    private static String value(Slot slot, int kind, String[] values, String[] problems, List<String> errors) {
        int at = slot.at[kind];
        if (at < 0) {
            return null;
        }
        if (problems[at] != null) {
            errors.add(slot.keys[kind] + ": " + problems[at]);
        }
        return values[at];
    }

    private static Long number(String value, String key, List<String> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            errors.add(key + " holds '" + value + "', not a number");
            return null;
        }
    }

    private static Instant time(String value, String key, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long n = Long.parseLong(v.contains(".") ? v.substring(0, v.indexOf('.')) : v);
            return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        } catch (NumberFormatException notEpoch) {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                errors.add(key + " holds '" + value + "', not a time");
                return null;
            }
        }
    }

    static String plain(JedisDataException e) {
        String m = e.getMessage() == null ? "error" : e.getMessage();
        return m.startsWith("WRONGTYPE") ? "wrong type of key (not a plain string value)" : m;
    }
}
