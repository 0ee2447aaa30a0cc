package org.incidentconsole.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** 10,000 generated secrets hidden in random text: not one survives redaction. */
public class RedactionPropertyTest {
    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String HEX = "0123456789abcdef";
    static final String[] SEPARATORS = {" ", "\n", "\t", ", ", "; ", " (", ") ", " \"", "\" ", " '", " = "};
    static final String[] WORDS = {"booking", "failed", "for", "user", "at", "GET", "/api/v1/slots", "200", "took",
            "ms", "retry", "queue", "worker", "INFO", "ERROR", "calcom", "circuit", "open", "–", "ü", "🚨"};

    public record Secret(String kind, String value, String inText) {
    }

    static String random(Random r, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Generators: each gives the secret value and the text it appears in (with its usual context). */
    static final List<Function<Random, Secret>> GENERATORS = List.of(
            r -> { String v = random(r, "abcdefghij", 3 + r.nextInt(8)) + "." + random(r, "xyz0123", 2 + r.nextInt(5))
                    + "@" + random(r, "mail", 2 + r.nextInt(5)) + ".example." + random(r, "comorgnet", 2 + r.nextInt(2));
                return new Secret("email", v, v); },
            r -> { String v = random(r, ALNUM + "-._~+/", 16 + r.nextInt(40));
                return new Secret("bearer", v, "Bearer " + v); },
            r -> { String v = random(r, ALNUM, 12 + r.nextInt(30));
                return new Secret("authorization", v, "Authorization: Basic " + v); },
            r -> { String v = random(r, HEX, 32 + r.nextInt(33));
                return new Secret("api-key", v, "api_key=" + v); },
            r -> { String v = random(r, ALNUM, 10) + "A1a" + random(r, ALNUM + "+/", 30 + r.nextInt(20));
                return new Secret("api-key", v, v); },
            r -> { String v = "eyJ" + random(r, ALNUM + "-_", 10 + r.nextInt(30)) + "." + random(r, ALNUM + "-_", 10
                    + r.nextInt(40)) + "." + random(r, ALNUM + "-_", 10 + r.nextInt(40));
                return new Secret("jwt", v, v); },
            r -> { String v = "AKIA" + random(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
                return new Secret("aws-access-key", v, v); },
            r -> { String v = random(r, ALNUM + "!$*", 8 + r.nextInt(16));
                return new Secret("url-password", v, "postgres://app:" + v + "@db.internal:5432/app"); },
            r -> { String v = random(r, ALNUM, 8 + r.nextInt(16));
                return new Secret("redis-password", v, "redis-cli -h 127.0.0.1 -a " + v + " INFO"); },
            r -> { String v = random(r, ALNUM, 8 + r.nextInt(16));
                return new Secret("redis-password", v, "AUTH " + v); },
            r -> { String v = random(r, ALNUM + "/+", 40 + r.nextInt(40));
                return new Secret("private-key", v, "-----BEGIN OPENSSH PRIVATE KEY-----\n" + v + "\n"
                        + random(r, ALNUM, 20) + "\n-----END OPENSSH PRIVATE KEY-----"); });

    static List<Secret> generate(Random r, int n) {
        List<Secret> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(GENERATORS.get(i % GENERATORS.size()).apply(r));
        }
        return out;
    }

    static String noise(Random r) {
        StringBuilder out = new StringBuilder();
        int words = r.nextInt(6);
        for (int i = 0; i < words; i++) {
            out.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        }
        return out.toString();
    }

    /** Random text with the secrets embedded, each set off by a separator as real text does. */
    static String embed(Random r, List<Secret> secrets) {
        StringBuilder text = new StringBuilder();
        for (Secret s : secrets) {
            text.append(noise(r)).append(SEPARATORS[r.nextInt(SEPARATORS.length)]).append(s.inText())
                    .append(SEPARATORS[r.nextInt(SEPARATORS.length)]);
        }
        return text.toString();
    }

    @Test
    void ten_thousand_generated_secrets_none_survives() {
        long seed = Long.getLong("redaction.seed", System.nanoTime());
        Random r = new Random(seed);
        List<String> survivors = new ArrayList<>();
        try {
            List<Secret> secrets = generate(r, 10_000);
            Redactor redactor = new Redactor();
            for (int chunk = 0; chunk < secrets.size(); chunk += 50) {
                List<Secret> batch = secrets.subList(chunk, Math.min(secrets.size(), chunk + 50));
                String redacted = redactor.scrub(embed(r, batch));
                for (Secret s : batch) {
                    if (redacted.contains(s.value())) {
                        survivors.add(s.kind() + ": " + s.value());
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new AssertionError(seedNote(seed) + " threw " + e, e);
        }
        assertThat(survivors).as(seedNote(seed)).isEmpty();
    }

    static String seedNote(long seed) {
        return "redaction seed " + seed + " (rerun with -Dredaction.seed=" + seed + ")";
    }
}
