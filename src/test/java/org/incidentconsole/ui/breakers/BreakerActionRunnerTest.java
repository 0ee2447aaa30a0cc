package org.incidentconsole.ui.breakers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.breaker.BreakerActions;
import org.incidentconsole.breaker.BreakerCommand;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.breaker.RedisLinks;
import org.incidentconsole.breaker.RedisPasswordPrompt;
import org.incidentconsole.breaker.RedisUnavailableException;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.RedisEndpoint;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.Jedis;

/** The panel's breaker commands, typed, run off the FX thread on a real Redis through a real SSH tunnel. */
class BreakerActionRunnerTest {
    @TempDir
    Path dir;

    @Test
    void a_reset_runs_per_breaker_and_a_source_that_is_not_connected_is_said_in_the_line_not_thrown()
            throws Exception {
        Path key = TestKeys.generate(dir, "id_ed25519");
        SshKit kit = new SshKit(dir);
        ExecutorService io = Executors.newSingleThreadExecutor();
        try (MinaSshServer sshd = MinaSshServer.start(TestKeys.publicKey(key)); TestRedis redis = TestRedis.start();
             RedisLinks links = new RedisLinks(kit.connections(), Map.of(), RedisPasswordPrompt.NONE)) {
            kit.trust(sshd);
            try (Jedis j = redis.direct()) {
                j.set("circuit_breaker:calcom:state", "open");
                j.set("circuit_breaker:calcom:failures", "9");
                j.set("circuit_breaker:stripe:state", "open");
            }
            Host h = SshKit.host("web-01", sshd.port(), key);
            Host web1 = new Host(h.name(), h.address(), h.port(), h.user(), h.identityFiles(), false, List.of(), null,
                    null, new RedisEndpoint("127.0.0.1", redis.port(), 0, null, false), BreakerSettings.defaults(),
                    List.of(), Map.of());
            BreakerActions actions = new BreakerActions(links.linkFor(web1), BreakerSettings.defaults(),
                    Clock.systemUTC());
            BreakerCommands commands = (source, command, service) -> {
                if (!source.equals("web-01 redis")) {
                    throw new RedisUnavailableException(source + " is not connected", null);
                }
                return command.apply(actions, service);
            };
            List<BreakerRow> rows = List.of(
                    new BreakerRow("web-01 redis", "calcom", BreakerState.OPEN, "9", "—", false, ""),
                    new BreakerRow("web-02 redis", "stripe", BreakerState.OPEN, "—", "—", false, ""));

            String line = new BreakerActionRunner(commands, io).run(BreakerCommand.RESET, "Reset 2 breakers", rows)
                    .get(30, TimeUnit.SECONDS);

            assertThat(line).startsWith("Reset 2 breakers: ").contains("keys changed")
                    .contains("web-02 redis is not connected").doesNotContain("Exception");
            try (Jedis j = redis.direct()) {
                assertThat(j.get("circuit_breaker:calcom:state")).isEqualTo("closed");
                assertThat(j.exists("circuit_breaker:calcom:failures")).isFalse();
                assertThat(j.get("circuit_breaker:stripe:state")).as("only the connected Redis changed")
                        .isEqualTo("open");
            }
        } finally {
            io.shutdownNow();
            kit.close();
        }
    }

    @ParameterizedTest
    @EnumSource(BreakerCommand.class)
    void an_every_breaker_command_runs_once_per_redis_and_the_others_once_per_breaker(BreakerCommand command) {
        List<BreakerRow> rows = List.of(new BreakerRow("a", "x", BreakerState.OPEN, "1", "—", false, ""),
                new BreakerRow("a", "y", BreakerState.OPEN, "1", "—", false, ""),
                new BreakerRow("b", "z", BreakerState.HALF_OPEN, "1", "—", false, ""));
        assertThat(BreakerActionRunner.calls(command, rows)).hasSize(command.everyBreaker() ? 2 : 3);
        assertThat(BreakerPanelViewModel.preview(command, rows)).doesNotContain("?").contains("→  ");
    }
}
