package org.incidentconsole.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Which results become health-sample events: the throttle rule, and what an hour of polling adds. */
class HealthSamplerTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @ParameterizedTest(name = "after {0} s: {1} → {2} ({3} → {4}, {5}) journaled: {6}")
    @CsvFileSource(resources = "/trends/sampler-rules.csv")
    void a_result_is_sampled_by_the_rule_table(long seconds, double before, double now, HealthStatus from,
                                                HealthStatus to, String kind, boolean journaled) {
        HealthSampler sampler = new HealthSampler();
        assertThat(sampler.offer(result(kind, before, from, T0))).as("the first number").isPresent();
        assertThat(sampler.offer(result(kind, now, to, T0.plusSeconds(seconds))).isPresent()).isEqualTo(journaled);
    }

    @Test
    void a_sample_carries_host_check_number_unit_and_status() {
        var s = new HealthSampler().offer(result("log-errors", 53.3, HealthStatus.CRITICAL, T0)).orElseThrow();
        assertThat(s).isEqualTo(new HealthSample("web-01", "log-errors-check", "log-errors", T0,
                HealthStatus.CRITICAL, 53.3, "%"));
    }

    @Test
    void after_a_reset_the_next_result_is_sampled_at_once() {
        HealthSampler sampler = new HealthSampler();
        sampler.offer(result("disk", 50, HealthStatus.OK, T0));
        assertThat(sampler.offer(result("disk", 50, HealthStatus.OK, T0.plusSeconds(5)))).isEmpty();
        sampler.reset();
        assertThat(sampler.offer(result("disk", 50, HealthStatus.OK, T0.plusSeconds(10)))).isPresent();
    }

    /** 2 hosts × 5 checks polled every 5 s for an hour: steady values, then values that jump on every poll. */
    @Test
    void an_hour_of_polling_two_hosts_with_five_checks_adds_a_bounded_number_of_events() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int steady = hour(random, false);
        int noisy = hour(random, true);
        System.out.printf(Locale.ROOT, "health-sample events per hour, 2 hosts × 5 checks polled every 5 s: "
                + "steady %d, values jumping on every poll %d (seed %d)%n", steady, noisy, seed);
        assertThat(steady).as("seed " + seed).isEqualTo(10 * 60);
        assertThat(noisy).as("seed " + seed).isLessThanOrEqualTo(10 * 3600 / 15).isGreaterThan(steady);
    }

    private static int hour(Random random, boolean noisy) {
        HealthSampler sampler = new HealthSampler();
        String[] kinds = {"http", "disk", "memory", "log-errors", "pii-scan"};
        int events = 0;
        for (int s = 0; s < 3600; s += 5) {
            for (String host : new String[] {"web-01", "web-02"}) {
                for (String kind : kinds) {
                    double value = noisy ? (s / 5 % 2 == 0 ? 10 : 400) + random.nextInt(5) : 20;
                    CheckResult r = new CheckResult(host, kind + "-check", kind, T0.plusSeconds(s), HealthStatus.OK,
                            text(kind, value), "", Duration.ZERO);
                    events += sampler.offer(r).isPresent() ? 1 : 0;
                }
            }
        }
        return events;
    }

    static CheckResult result(String kind, double value, HealthStatus status, Instant at) {
        return new CheckResult("web-01", kind + "-check", kind, at, status, text(kind, value), "", Duration.ZERO);
    }

    private static String text(String kind, double value) {
        return switch (kind) {
            case "http" -> "HTTP 200 in " + Math.round(value) + " ms";
            case "disk", "memory" -> Math.round(value) + "% used";
            case "log-errors" -> String.format(Locale.ROOT, "%.1f%% (x of 15 lines)", value);
            case "pii-scan" -> "email=" + Math.round(value);
            default -> String.valueOf(value);
        };
    }
}
