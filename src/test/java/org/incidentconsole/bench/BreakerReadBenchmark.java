package org.incidentconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.breaker.BreakerMonitor;
import org.incidentconsole.breaker.BreakerPoll;
import org.incidentconsole.breaker.RedisLinks;
import org.incidentconsole.breaker.RedisPasswordPrompt;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.RedisEndpoint;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.OpenSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * 10,000 breakers (state + failures) read through the SSH tunnel with SCAN + pipeline, against the seeds'
 * shell loop (KEYS then one redis-cli per key, measured on 1,000 keys and scaled) and against redis-cli --scan +
 * MGET directly; through OpenSSH sshd (as in production) and through the in-process MINA SSHD. Needs redis-cli
 * (apt-get install redis-tools). Run with {@code ./mvnw -Pbench verify}.
 */
@Tag("bench")
class BreakerReadBenchmark {
    @TempDir
    Path dir;

    @Test
    void ten_thousand_breakers() throws Exception {
        String redisCli = TestKeys.tool("redis-cli", "redis-tools");
        Path key = TestKeys.generate(dir, "id_ed25519");
        try (SshKit kit = new SshKit(dir);
             MinaSshServer sshd = MinaSshServer.start(TestKeys.publicKey(key));
             TestRedis redis = TestRedis.start()) {
            kit.trust(sshd);
            try (Jedis j = redis.direct()) {
                Pipeline p = j.pipelined();
                for (int i = 0; i < 10_000; i++) {
                    p.set("circuit_breaker:svc" + i + ":state", i % 10 == 0 ? "open" : "closed");
                    p.set("circuit_breaker:svc" + i + ":failures", String.valueOf(i % 7));
                }
                p.sync();
            }
            Path opensshDir = Files.createDirectories(dir.resolve("openssh"));
            try (RedisLinks links = new RedisLinks(kit.connections(), Map.of(), RedisPasswordPrompt.NONE);
                 OpenSshServer openssh = OpenSshServer.start(opensshDir, TestKeys.publicKey(key))) {
                long[] tunnel = timePolls(links, redisHost("web-01", sshd.port(), key, redis.port()));
                long[] viaOpenSsh = timePolls(links, redisHost("web-02", openssh.port(), key, redis.port()));

                String port = String.valueOf(redis.port());
                String loop = redisCli + " -p " + port + " KEYS 'circuit_breaker:svc1*:state' | head -n 1000 | "
                        + "while read key; do echo \"$key: $(" + redisCli + " -p " + port + " GET $key)\"; done"
                        + " | wc -l";
                long t0 = System.nanoTime();
                String loopLines = sh(loop);
                long loopMs = (System.nanoTime() - t0) / 1_000_000;
                assertThat(loopLines.strip()).isEqualTo("1000");

                String scanMget = redisCli + " -p " + port + " --scan --pattern 'circuit_breaker:*:state' | xargs -n 1000 "
                        + redisCli + " -p " + port + " MGET | wc -l; " + redisCli + " -p " + port
                        + " --scan --pattern 'circuit_breaker:*:failures' | xargs -n 1000 " + redisCli + " -p " + port
                        + " MGET | wc -l";
                sh(scanMget);
                long[] direct = new long[5];
                for (int i = 0; i < direct.length; i++) {
                    long s = System.nanoTime();
                    String out = sh(scanMget);
                    direct[i] = (System.nanoTime() - s) / 1_000_000;
                    assertThat(out.strip().split("\\s+")).containsExactly("10000", "10000");
                }
                Arrays.sort(direct);

                String report = String.format("| 10,000 breakers (state + failures) | ms |%n|---|---|%n"
                                + "| console: SCAN + MGET pipeline through an OpenSSH sshd tunnel (median of 11) | %d |%n"
                                + "| console: the same through the in-process MINA SSHD tunnel (median of 11) | %d |%n"
                                + "| redis-cli --scan + MGET, direct, no tunnel (median of 5) | %d |%n"
                                + "| seeds' loop (KEYS + one redis-cli GET per key): 1,000 keys measured | %d |%n"
                                + "| seeds' loop scaled to 10,000 keys | %d |%n"
                                + "| speed-up of the console over the seeds' loop | %.0f× |%n",
                        viaOpenSsh[5], tunnel[5], direct[2], loopMs, loopMs * 10,
                        loopMs * 10.0 / Math.max(1, viaOpenSsh[5]));
                Path out = Path.of("target", "bench", "breakers.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);
                System.out.println(report);
            }
        }
    }

    private static Host redisHost(String name, int sshPort, Path key, int redisPort) {
        Host base = SshKit.host(name, sshPort, key);
        return new Host(base.name(), base.address(), base.port(), base.user(), base.identityFiles(), false, List.of(),
                null, null, new RedisEndpoint("127.0.0.1", redisPort, 0, null, false), BreakerSettings.defaults(),
                List.of(), Map.of());
    }

    private static long[] timePolls(RedisLinks links, Host host) throws Exception {
        BreakerMonitor monitor = new BreakerMonitor(links.linkFor(host), host.breakers(), Clock.systemUTC());
        // Warm up as a console is warm: it polls every 2 s for the whole incident (30 polls is one minute).
        for (int i = 0; i < 30; i++) {
            assertThat(monitor.poll().breakers()).hasSize(10_000);
        }
        long[] ms = new long[11];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            BreakerPoll panel = monitor.poll();
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            assertThat(panel.breakers()).hasSize(10_000);
        }
        Arrays.sort(ms);
        return ms;
    }

    private static String sh(String command) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
