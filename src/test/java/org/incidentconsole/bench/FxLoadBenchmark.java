package org.incidentconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.incidentconsole.app.AppHome;
import org.incidentconsole.app.ConsoleServices;
import org.incidentconsole.app.MainWindowWiring;
import org.incidentconsole.breaker.Breaker;
import org.incidentconsole.breaker.BreakerPoll;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.breaker.TrackedBreaker;
import org.incidentconsole.health.CheckResult;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.ui.common.FxHostKeyPrompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window with 100 hosts (3 health checks each) and 1,000 breakers, all refreshed once a second for
 * 30 s, with the trend sparklines live (#19: each check's number and each breaker's state and failures go into
 * its trend, marks for steps and the rollback): how busy the FX thread is and its longest stall, seen by a probe
 * posted every 10 ms. Only the console is measured: the feed's values are made on the feeder thread.
 * Goal: under 10% busy, no stall over 50 ms. Run with {@code ./mvnw -Pbench verify}.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class FxLoadBenchmark {
    @TempDir
    Path dir;
    ConsoleServices services;
    MainWindowWiring.WindowModels window;

    @Start
    void start(Stage stage) throws Exception {
        StringBuilder yaml = new StringBuilder("environment: production\ndefaults: {user: deploy, agent: false}\n"
                + "hosts:\n");
        for (int i = 0; i < 100; i++) {
            yaml.append(String.format("  - {name: web-%03d, address: 127.0.0.1, port: 1}%n", i));
        }
        Path inventory = Files.writeString(dir.resolve("inventory.yaml"), yaml);
        services = new ConsoleServices(new AppHome(dir.resolve("home")), dir.resolve("user-home"), Map.of(),
                new FxHostKeyPrompt(() -> stage), PassphrasePrompt.NONE, SudoPasswordPrompt.NONE);
        window = MainWindowWiring.show(stage, services, inventory, false);
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    @Test
    void hundred_hosts_and_thousand_breakers_refreshing_every_second(FxRobot robot) throws Exception {
        FxScreen.waitFor(30, () -> window.hosts().hosts().size() == 100);
        Thread fx = fxThread();
        var mx = ManagementFactory.getThreadMXBean();
        ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor();
        AtomicLong worst = new AtomicLong();
        AtomicLong probes = new AtomicLong();
        AtomicLong round = new AtomicLong();
        AtomicLong over50 = new AtomicLong();
        // the FX thread's own CPU between two probes: its longest burst of work, whatever else the machine runs
        long[] lastCpu = {-1};
        AtomicLong burst = new AtomicLong();
        AtomicReference<RuntimeException> feedFailed =
                new AtomicReference<>();
        try {
            feeder.scheduleAtFixedRate(() -> {
                try {
                    feed(round.incrementAndGet());
                } catch (RuntimeException e) { // a scheduled task that throws stops silently: say so instead
                    feedFailed.compareAndSet(null, e);
                    throw e;
                }
            }, 0, 1, TimeUnit.SECONDS);
            // warm up for 10 s (JIT, first layouts), then measure 30 s
            CountDownLatch warm = new CountDownLatch(1);
            feeder.schedule(warm::countDown, 10, TimeUnit.SECONDS);
            assertThat(warm.await(30, TimeUnit.SECONDS)).isTrue();
            prober.scheduleAtFixedRate(() -> {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    long waited = (System.nanoTime() - posted) / 1_000_000;
                    worst.accumulateAndGet(waited, Math::max);
                    if (waited > 50) {
                        over50.incrementAndGet();
                    }
                    long cpuNow = mx.getCurrentThreadCpuTime();
                    if (lastCpu[0] >= 0) {
                        burst.accumulateAndGet((cpuNow - lastCpu[0]) / 1_000_000, Math::max);
                    }
                    lastCpu[0] = cpuNow;
                    probes.incrementAndGet();
                });
            }, 0, 10, TimeUnit.MILLISECONDS);
            long cpu0 = mx.getThreadCpuTime(fx.getId());
            long wall0 = System.nanoTime();
            CountDownLatch measured = new CountDownLatch(1);
            feeder.schedule(measured::countDown, 30, TimeUnit.SECONDS);
            assertThat(measured.await(60, TimeUnit.SECONDS)).isTrue();
            long cpu = mx.getThreadCpuTime(fx.getId()) - cpu0;
            long wall = System.nanoTime() - wall0;
            double busy = 100.0 * cpu / wall;
            assertThat(feedFailed.get()).as("the feed ran every round").isNull();
            assertThat(probes.get()).as("the probe ran").isGreaterThan(100);
            assertThat(window.breakers().breakers()).hasSize(1000);
            assertThat(window.health().rows()).hasSize(300);
            long drawn = robot.lookup("#health-table .sparkline").queryAll().size()
                    + robot.lookup("#breaker-table .sparkline").queryAll().size();
            assertThat(drawn).as("sparklines on screen").isPositive();
            assertThat(window.health().rows().get(0).trend().size()).as("trend buckets").isGreaterThan(1)
                    .isLessThanOrEqualTo(window.health().rows().get(0).trend().capacity());
            String report = String.format("| FX thread, 100 hosts × 3 checks + 1,000 breakers refreshed every second "
                            + "(30 s), sparklines live | value |%n|---|---|%n| busy (FX thread CPU / wall) | %.1f%% |%n"
                            + "| longest stall seen by a 10 ms probe | %d ms |%n| probes run | %d |%n"
                            + "| probes that waited over 50 ms | %d |%n"
                            + "| longest FX-thread CPU burst between two probes | %d ms |%n"
                            + "| sparklines on screen | %d |%n", busy, worst.get(), probes.get(), over50.get(),
                    burst.get(), drawn);
            Path out = Path.of("target", "bench", "fx-load.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
        } finally {
            feeder.shutdownNow();
            prober.shutdownNow();
        }
    }

    private void feed(long round) {
        Instant now = Instant.now();
        if (round % 10 == 0) {
            window.health().trendMarkers().step(now); // a step run every 10 s
        }
        window.health().trendMarkers().rolledBack("INC-bench", round >= 20, now);
        for (int h = 0; h < 100; h++) {
            String host = String.format("web-%03d", h);
            HealthStatus status = (h + round) % 17 == 0 ? HealthStatus.CRITICAL : HealthStatus.OK;
            // numbers that move, as in an outage: slow answers and errors that fall after the rollback
            String[][] checks = {{"api-health", "http", "HTTP 200 in " + (40 + (h * 7 + round * 13) % 400) + " ms"},
                    {"disk", "disk", (60 + (h + round) % 30) + "% used"},
                    {"error-rate", "log-errors", String.format(Locale.ROOT, "%.1f%% (x of 15 lines)",
                            Math.max(0.0, 100 - round * 3 - h % 10))}};
            for (String[] check : checks) {
                CheckResult r = new CheckResult(host, check[0], check[1], now, status, check[2], "",
                        Duration.ofMillis(4));
                window.health().result(r);
                window.hosts().healthResult(r);
            }
        }
        List<TrackedBreaker> views = new ArrayList<>();
        for (int b = 0; b < 1000; b++) {
            boolean open = (b + round) % 10 == 0;
            Breaker breaker = new Breaker("svc" + b, "circuit_breaker:svc" + b + ":state",
                    open ? BreakerState.OPEN : BreakerState.CLOSED, open ? "open" : "closed", round % 7, null, null, null);
            views.add(new TrackedBreaker(breaker, open ? now : null, open ? Duration.ofSeconds(round) : null, false,
                    List.of()));
        }
        window.breakers().panel(new BreakerPoll("redis via web-000", now, views, List.of(), null));
    }

    private static Thread fxThread() throws Exception {
        CountDownLatch got = new CountDownLatch(1);
        Thread[] t = new Thread[1];
        Platform.runLater(() -> {
            t[0] = Thread.currentThread();
            got.countDown();
        });
        assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
        return t[0];
    }
}
