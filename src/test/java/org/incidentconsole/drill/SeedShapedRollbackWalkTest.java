package org.incidentconsole.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.ssh.ExecOutcome;
import org.incidentconsole.ssh.ExecResult;
import org.incidentconsole.ssh.RemoteCommand;
import org.incidentconsole.ssh.StreamKind;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A runbook shaped like a real operator's Laravel rollback card (its own words) walked on the real drill over SSH
 * as an operator choosing "tagged" in Step 2 and "OPTION B" in Step 4 would: each step's chosen lines run as the
 * console runs a block ({@code set -e} first), the watch of Step 7 is ended by hand. The drill goes from unhealthy
 * to healthy and option A's FLUSHDB never runs.
 */
class SeedShapedRollbackWalkTest {
    private static final String RUNBOOK = "/drill/laravel-emergency-rollback.md";
    private static final Map<String, String> CHOICES = Map.of("Step 2", "tagged", "Step 4", "OPTION B");

    @Test
    void walking_the_emergency_procedure_with_the_tag_and_option_b_heals_the_drill_and_keeps_the_apps_redis_data()
            throws Exception {
        Map<String, String> steps = RunbookAlternatives.steps(RUNBOOK, "## ⚡ EMERGENCY ROLLBACK");
        assertThat(steps.keySet()).as("the fixture's procedure").hasSize(7);
        try (DrillHost host = new DrillHost(); Jedis redis = new Jedis("127.0.0.1", host.drill.redisPort())) {
            assertThat(host.run("curl http://localhost/api/health").stdout()).contains("\"status\":\"error\"");
            assertThat(host.apiHealthCheck().status()).as("the drill's api-health check before").isNotEqualTo(
                    HealthStatus.OK);
            assertThat(redis.keys("circuit_breaker:*")).isNotEmpty();

            List<String> watched = null;
            for (Map.Entry<String, String> step : steps.entrySet()) {
                String stepName = step.getKey().substring(0, step.getKey().indexOf(':'));
                String script = CHOICES.containsKey(stepName)
                        ? RunbookAlternatives.choose(step.getValue(), CHOICES.get(stepName)) : step.getValue();
                if (script.contains("tail -f")) {
                    watched = watch(host, "set -e\n" + script);
                    continue;
                }
                DrillHost.Ran ran = host.run("set -e\n" + script);
                assertThat(ran.exit()).as(step.getKey() + ":\n" + script + "\n" + ran.stdout() + "\n" + ran.stderr())
                        .isZero();
                if (stepName.equals("Step 1")) {
                    assertThat(ran.out()).as("git log --oneline -10 shows the releases with their hashes")
                            .hasSizeGreaterThanOrEqualTo(5).allMatch(l -> l.matches("[0-9a-f]{7,} \\S.*"));
                }
                if (stepName.equals("Step 6")) {
                    assertThat(ran.stdout()).contains("\"status\":\"healthy\"").contains("HTTP/1.1 200 OK");
                }
            }

            assertThat(watched).as("tail -f | grep streamed lines until it was ended").hasSizeGreaterThanOrEqualTo(3)
                    .last().asString().contains("\"errors\":0");
            assertThat(host.run("curl http://localhost/api/health").stdout()).contains("\"status\":\"healthy\"");
            assertThat(host.healthChecks()).as("every health check of the drill, right after a 3 s watch")
                    .allSatisfy(r -> assertThat(r.status()).as(r.check() + " " + r.value()).isEqualTo(HealthStatus.OK));
            assertThat(host.drill.appHealthy()).isTrue();
            assertThat(host.run("git rev-parse HEAD").stdout())
                    .isEqualTo(host.run("git rev-parse 'production-stable-2025-09-30^{commit}'").stdout());
            // option B removed breaker and rate-limit keys; option A's FLUSHDB would have taken the rest too
            assertThat(redis.keys("circuit_breaker:*")).isEmpty();
            assertThat(redis.keys("calcom_api_rate_limit:*")).isEmpty();
            assertThat(redis.keys("*")).contains("feature_flags", "queues:default", "sessions:3f9a1c");
            assertThat(host.drill.hostJournal()).anyMatch(l -> l.endsWith("systemctl restart php8.3-fpm"))
                    .anyMatch(l -> l.endsWith("php artisan optimize:clear"))
                    .anyMatch(l -> l.contains("redis-cli DEL"))
                    .noneMatch(l -> l.contains("FLUSHDB"));
        }
    }

    @Test
    void option_a_of_step_4_flushes_the_drills_redis_app_data_and_all() throws Exception {
        String block = RunbookAlternatives.steps(RUNBOOK, "## ⚡ EMERGENCY ROLLBACK").entrySet().stream()
                .filter(e -> e.getKey().startsWith("Step 4:")).findFirst().orElseThrow().getValue();
        String optionA = RunbookAlternatives.choose(block, "OPTION A");
        assertThat(optionA).contains("FLUSHDB").doesNotContain("DEL");
        try (DrillHost host = new DrillHost(); Jedis redis = new Jedis("127.0.0.1", host.drill.redisPort())) {
            DrillHost.Ran ran = host.run("set -e\n" + optionA);
            assertThat(ran.exit()).as(ran.stderr()).isZero();
            assertThat(ran.stdout()).isEqualTo("OK");
            assertThat(redis.dbSize()).isZero();
            assertThat(host.drill.hostJournal()).anyMatch(l -> l.contains("redis-cli FLUSHDB"));
        }
    }

    /**
     * Runs a watch for three seconds, as an unattended walk with {@code --watch-seconds 3} would: it must stream
     * and must not end by itself; then it is ended as Ctrl+C would.
     */
    private static List<String> watch(DrillHost host, String script) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        RemoteCommand watch = host.start(script, (h, stream, line) -> {
            if (stream == StreamKind.STDOUT) {
                lines.add(line);
            }
        });
        assertThatThrownBy(() -> watch.result().get(3, TimeUnit.SECONDS)).as("the watch does not end by itself")
                .isInstanceOf(TimeoutException.class);
        watch.cancel();
        ExecResult ended = watch.result().get(30, TimeUnit.SECONDS);
        assertThat(ended.outcome()).isEqualTo(ExecOutcome.CANCELLED);
        return lines;
    }
}
