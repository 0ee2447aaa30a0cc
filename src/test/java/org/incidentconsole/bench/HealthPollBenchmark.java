package org.incidentconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.health.CheckResult;
import org.incidentconsole.health.HealthCheck;
import org.incidentconsole.health.HealthChecks;
import org.incidentconsole.health.HealthPoller;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.HealthCheckSpec;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One health round over 50 hosts against one host (goal: at most 2×). Run with {@code ./mvnw -Pbench verify}. */
@Tag("bench")
class HealthPollBenchmark {
    @TempDir
    Path dir;

    @Test
    void fifty_hosts_against_one() throws Exception {
        var app = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0), 100);
        app.setExecutor(Executors.newFixedThreadPool(8));
        app.createContext("/api/health", exchange -> {
            byte[] body = "{\"status\":\"healthy\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
        String url = "http://127.0.0.1:" + app.getAddress().getPort() + "/api/health";
        try {
            String http = round(List.of(new HealthCheckSpec("health", "http", Map.of("url", url, "expect_json",
                            "status=healthy")), new HealthCheckSpec("health-2", "http", Map.of("url", url)),
                    new HealthCheckSpec("health-3", "http", Map.of("url", url))), "3 HTTP checks through each host's tunnel");
            String shell = round(null, "3 shell checks (log errors, disk, memory: ~9 processes per host on this machine)");
            String report = "| health round | 1 host, median ms | 50 hosts, median ms | ratio "
                    + "| console's own CPU per 50-host round, ms |\n|---|---|---|---|---|\n"
                    + http + shell;
            Path out = Path.of("target", "bench", "health.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
        } finally {
            app.stop(0);
        }
    }

    private String round(List<HealthCheckSpec> given, String label) throws Exception {
        Path here = Files.createTempDirectory(dir, "round");
        Path key = TestKeys.generate(here, "id_ed25519");
        Path log = here.resolve("app.log");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(i % 50 == 0 ? "ERROR boom" : "INFO fine " + i);
        }
        Files.write(log, lines);
        List<HealthCheckSpec> specs = given != null ? given : List.of(
                new HealthCheckSpec("errors", "log-errors", Map.of("file", log.toString())),
                new HealthCheckSpec("disk", "disk", Map.of("path", here.toString())),
                new HealthCheckSpec("memory", "memory", Map.of()));
        List<MinaSshServer> servers = new ArrayList<>();
        try (SshKit kit = new SshKit(here)) {
            Map<Host, List<HealthCheck>> all = new LinkedHashMap<>();
            for (int i = 0; i < 50; i++) {
                MinaSshServer s = MinaSshServer.start(TestKeys.publicKey(key));
                servers.add(s);
                kit.trust(s);
                Host base = SshKit.host(String.format("web-%02d", i), s.port(), key);
                Host h = new Host(base.name(), base.address(), base.port(), base.user(), base.identityFiles(), false,
                        List.of(), null, null, null, BreakerSettings.defaults(), specs, Map.of());
                all.put(h, HealthChecks.of(h));
            }
            Map.Entry<Host, List<HealthCheck>> first = all.entrySet().iterator().next();
            long oneMs;
            long fiftyMs;
            long consoleMs;
            try (HealthPoller one = new HealthPoller(kit.connections(), Map.of(first.getKey(), first.getValue()),
                    Clock.systemUTC());
                 HealthPoller fifty = new HealthPoller(kit.connections(), all, Clock.systemUTC())) {
                List<String> oneHost = List.of(first.getKey().name());
                List<String> fiftyHosts = all.keySet().stream().map(Host::name).toList();
                for (int i = 0; i < 3; i++) {
                    allAnswered(fifty.pollOnce().get(120, TimeUnit.SECONDS), fiftyHosts, specs.size());
                    allAnswered(one.pollOnce().get(60, TimeUnit.SECONDS), oneHost, specs.size());
                }
                oneMs = median(one, oneHost, specs.size());
                Map<Long, Long> before = consoleCpu();
                fiftyMs = median(fifty, fiftyHosts, specs.size());
                consoleMs = cpuSince(before) / 7 / 1_000_000;
            }
            return String.format("| %s | %d | %d | %.2f× | %d |%n", label, oneMs, fiftyMs,
                    fiftyMs / (double) Math.max(1, oneMs), consoleMs);
        } finally {
            for (MinaSshServer s : servers) {
                s.close();
            }
        }
    }

    /**
     * CPU time of the console's threads (health workers, sshj readers), by thread id: the rest of this JVM's CPU
     * and the shell processes are the 50 simulated hosts' own work, which real hosts do on their own CPUs.
     */
    private static Map<Long, Long> consoleCpu() {
        var mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("ic-health") || info.getThreadName().startsWith("sshj-"))) {
                cpu.put(info.getThreadId(), Math.max(0, mx.getThreadCpuTime(info.getThreadId())));
            }
        }
        return cpu;
    }

    private static long cpuSince(Map<Long, Long> before) {
        long total = 0;
        for (var e : consoleCpu().entrySet()) {
            total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return total;
    }

    /** A round counts only when every host answered every check: a broken setup must not time as a fast one. */
    private static void allAnswered(List<CheckResult> results, List<String> hosts, int checks) {
        Map<String, Long> answers = new TreeMap<>();
        results.stream().filter(r -> r.status() != HealthStatus.UNKNOWN)
                .forEach(r -> answers.merge(r.host(), 1L, Long::sum));
        Map<String, Long> expected = new TreeMap<>();
        hosts.forEach(h -> expected.put(h, (long) checks));
        assertThat(answers).as("checks answered (not UNKNOWN) per host; unanswered: "
                + results.stream().filter(r -> r.status() == HealthStatus.UNKNOWN)
                .map(r -> r.host() + " " + r.check() + ": " + r.detail()).limit(5).toList()).isEqualTo(expected);
    }

    private static long median(HealthPoller poller, List<String> hosts, int checks) throws Exception {
        long[] ms = new long[7];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            List<CheckResult> r = poller.pollOnce().get(120, TimeUnit.SECONDS);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            allAnswered(r, hosts, checks);
        }
        Arrays.sort(ms);
        return ms[3];
    }
}
