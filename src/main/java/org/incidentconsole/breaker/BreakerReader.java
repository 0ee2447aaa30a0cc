package org.incidentconsole.breaker;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
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
        Set<String> keys = new LinkedHashSet<>();
        ScanParams params = new ScanParams().match(pattern).count(SCAN_COUNT);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    /**
     * One SCAN walk per scheme finds the state keys and which companion keys exist; one pipeline of MGETs reads
     * the existing keys; TYPE is asked only for keys that exist but read back nil (a wrong type).
     */
    BreakerSnapshot read(Jedis jedis, Instant now) {
        Set<String> existing = new java.util.HashSet<>();
        Map<String, KeyScheme> stateKeys = new LinkedHashMap<>();
        for (KeyScheme scheme : schemes) {
            for (String pattern : scheme.scanPatterns()) {
                for (String key : scan(jedis, pattern)) {
                    existing.add(key);
                    if (scheme.serviceOf(key) != null) {
                        stateKeys.putIfAbsent(key, scheme);
                    }
                }
            }
        }
        Set<String> limitKeys = new LinkedHashSet<>();
        for (String pattern : rateLimitPatterns) {
            limitKeys.addAll(scan(jedis, pattern));
        }
        List<String> wanted = new ArrayList<>();
        stateKeys.forEach((key, scheme) -> {
            String service = scheme.serviceOf(key);
            wanted.add(key);
            for (String companion : new String[] {scheme.failures(service), scheme.openedAt(service),
                    scheme.lastFailure(service)}) {
                if (companion != null && existing.contains(companion)) {
                    wanted.add(companion);
                }
            }
        });
        wanted.addAll(limitKeys);
        Map<String, String> values = mget(jedis, wanted);
        Map<String, Long> ttls = ttls(jedis, limitKeys);
        Map<String, String> types = types(jedis, wanted.stream().filter(k -> values.get(k) == null).toList());
        List<Breaker> breakers = new ArrayList<>();
        stateKeys.forEach((key, scheme) -> breakers.add(breaker(scheme, scheme.serviceOf(key), key, values, types)));
        breakers.sort(Comparator.comparing(Breaker::service).thenComparing(Breaker::stateKey));
        List<RateLimit> limits = new ArrayList<>();
        for (String key : limitKeys) {
            String type = types.get(key);
            limits.add(new RateLimit(key, values.get(key), ttls.get(key), type == null ? null : key + ": " + type));
        }
        limits.sort(Comparator.comparing(RateLimit::key));
        return new BreakerSnapshot(now, breakers, limits, null);
    }

    private static Map<String, String> mget(Jedis jedis, List<String> keys) {
        Map<String, String> values = new java.util.HashMap<>();
        Pipeline p = jedis.pipelined();
        List<Response<List<String>>> batches = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += MGET_BATCH) {
            batches.add(p.mget(keys.subList(i, Math.min(keys.size(), i + MGET_BATCH)).toArray(String[]::new)));
        }
        p.sync();
        for (int b = 0; b < batches.size(); b++) {
            List<String> got = batches.get(b).get();
            for (int i = 0; i < got.size(); i++) {
                values.put(keys.get(b * MGET_BATCH + i), got.get(i));
            }
        }
        return values;
    }

    private static Map<String, Long> ttls(Jedis jedis, Set<String> keys) {
        Pipeline p = jedis.pipelined();
        Map<String, Response<Long>> responses = new LinkedHashMap<>();
        keys.forEach(k -> responses.put(k, p.ttl(k)));
        p.sync();
        Map<String, Long> ttls = new java.util.HashMap<>();
        responses.forEach((k, r) -> ttls.put(k, r.get()));
        return ttls;
    }

    /** For keys that read back nil although SCAN saw them: "wrong type (hash)" or "deleted while reading". */
    private static Map<String, String> types(Jedis jedis, List<String> keys) {
        Map<String, String> problems = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return problems;
        }
        Pipeline p = jedis.pipelined();
        Map<String, Response<String>> responses = new LinkedHashMap<>();
        keys.forEach(k -> responses.put(k, p.type(k)));
        p.sync();
        responses.forEach((k, r) -> {
            String type = r.get();
            problems.put(k, "none".equals(type) ? "deleted while it was read"
                    : "wrong type of key (" + type + ", not a plain string value)");
        });
        return problems;
    }

    private static Breaker breaker(KeyScheme scheme, String service, String key, Map<String, String> values,
                                   Map<String, String> types) {
        List<String> errors = new ArrayList<>();
        String raw = value(key, values, types, errors);
        String failuresKey = scheme.failures(service);
        Long failures = number(value(failuresKey, values, types, errors), failuresKey, errors);
        String openedKey = scheme.openedAt(service);
        Instant openedAt = time(value(openedKey, values, types, errors), openedKey, errors);
        String lastKey = scheme.lastFailure(service);
        Instant lastFailure = time(value(lastKey, values, types, errors), lastKey, errors);
        BreakerState state = BreakerState.parse(raw);
        if (raw != null && state == BreakerState.UNKNOWN) {
            errors.add(key + " holds '" + raw + "', not closed / open / half_open");
        }
        return new Breaker(service, key, state, raw, failures, openedAt, lastFailure,
                errors.isEmpty() ? null : String.join("; ", errors));
    }

    private static String value(String key, Map<String, String> values, Map<String, String> types,
                                List<String> errors) {
        if (key == null) {
            return null;
        }
        String problem = types.get(key);
        if (problem != null) {
            errors.add(key + ": " + problem);
        }
        return values.get(key);
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
