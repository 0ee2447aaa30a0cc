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
    private static final int SCAN_COUNT = 1000;

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

    private record Pending(KeyScheme scheme, String service, String key, Response<String> state,
                           Response<String> failures, Response<String> openedAt, Response<String> lastFailure) {
    }

    BreakerSnapshot read(Jedis jedis, Instant now) {
        Map<String, KeyScheme> stateKeys = new LinkedHashMap<>();
        for (KeyScheme scheme : schemes) {
            for (String key : scan(jedis, scheme.scanPattern())) {
                if (scheme.serviceOf(key) != null) {
                    stateKeys.putIfAbsent(key, scheme);
                }
            }
        }
        Set<String> limitKeys = new LinkedHashSet<>();
        for (String pattern : rateLimitPatterns) {
            limitKeys.addAll(scan(jedis, pattern));
        }
        List<Pending> pending = new ArrayList<>();
        Map<String, Response<String>> limitValues = new LinkedHashMap<>();
        Map<String, Response<Long>> limitTtls = new LinkedHashMap<>();
        Pipeline p = jedis.pipelined();
        stateKeys.forEach((key, scheme) -> {
            String service = scheme.serviceOf(key);
            pending.add(new Pending(scheme, service, key, p.get(key), get(p, scheme.failures(service)),
                    get(p, scheme.openedAt(service)), get(p, scheme.lastFailure(service))));
        });
        for (String key : limitKeys) {
            limitValues.put(key, p.get(key));
            limitTtls.put(key, p.ttl(key));
        }
        p.sync();
        List<Breaker> breakers = new ArrayList<>();
        for (Pending b : pending) {
            breakers.add(breaker(b));
        }
        breakers.sort(Comparator.comparing(Breaker::service).thenComparing(Breaker::stateKey));
        List<RateLimit> limits = new ArrayList<>();
        for (String key : limitKeys) {
            limits.add(rateLimit(key, limitValues.get(key), limitTtls.get(key)));
        }
        limits.sort(Comparator.comparing(RateLimit::key));
        return new BreakerSnapshot(now, breakers, limits, null);
    }

    private static Response<String> get(Pipeline p, String key) {
        return key == null ? null : p.get(key);
    }

    private static Breaker breaker(Pending b) {
        List<String> errors = new ArrayList<>();
        String raw = value(b.state(), b.key(), errors);
        Long failures = number(value(b.failures(), b.scheme().failures(b.service()), errors),
                b.scheme().failures(b.service()), errors);
        Instant openedAt = time(value(b.openedAt(), b.scheme().openedAt(b.service()), errors),
                b.scheme().openedAt(b.service()), errors);
        Instant lastFailure = time(value(b.lastFailure(), b.scheme().lastFailure(b.service()), errors),
                b.scheme().lastFailure(b.service()), errors);
        BreakerState state = raw == null && errors.isEmpty() ? BreakerState.UNKNOWN : BreakerState.parse(raw);
        if (raw != null && state == BreakerState.UNKNOWN) {
            errors.add(b.key() + " holds '" + raw + "', not closed / open / half_open");
        }
        return new Breaker(b.service(), b.key(), state, raw, failures, openedAt, lastFailure,
                errors.isEmpty() ? null : String.join("; ", errors));
    }

    private static String value(Response<String> response, String key, List<String> errors) {
        if (response == null) {
            return null;
        }
        try {
            return response.get();
        } catch (JedisDataException e) {
            errors.add(key + ": " + plain(e));
            return null;
        }
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

    private static RateLimit rateLimit(String key, Response<String> value, Response<Long> ttl) {
        List<String> errors = new ArrayList<>();
        String v = value(value, key, errors);
        Long t = null;
        try {
            t = ttl.get();
        } catch (JedisDataException e) {
            errors.add(key + " TTL: " + plain(e));
        }
        return new RateLimit(key, v, t, errors.isEmpty() ? null : String.join("; ", errors));
    }

    static String plain(JedisDataException e) {
        String m = e.getMessage() == null ? "error" : e.getMessage();
        return m.startsWith("WRONGTYPE") ? "wrong type of key (not a plain string value)" : m;
    }
}
