package org.incidentconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.incidentconsole.app.AppHome;
import org.incidentconsole.app.ConsoleApplication;
import org.incidentconsole.app.ConsoleServices;
import org.incidentconsole.app.MainWindowWiring;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.StepOutcome;
import org.incidentconsole.severity.Severity;
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
 * The timeline pane in the real window while 10,000 events are journaled as fast as the journal takes them
 * (notes, steps with output, health, breakers, connections), then while the list is scrolled from the first line
 * to the last: how busy the FX thread is and its longest stall, seen by a probe posted every 10 ms.
 * Goal (#19): under 10% busy, no stall over 50 ms. Run with {@code ./mvnw -Pbench verify}.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class TimelineLoadBenchmark {
    private static final int EVENTS = 10_000;
    @TempDir
    Path dir;
    ConsoleServices services;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path inventory = Files.writeString(dir.resolve("inventory.yaml"), "environment: production\n"
                + "defaults: {user: deploy, agent: false}\nhosts:\n  - {name: web-01, address: 127.0.0.1, port: "
                + closed + "}\n");
        services = new ConsoleServices(new AppHome(dir.resolve("home")), dir.resolve("user-home"), Map.of(),
                new FxHostKeyPrompt(() -> stage), PassphrasePrompt.NONE, SudoPasswordPrompt.NONE);
        MainWindowWiring.show(stage, services, inventory, false);
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    @Test
    void ten_thousand_events_appended_then_scrolled_through(FxRobot robot) throws Exception {
        IncidentSession session = services.incidents().start("Bench", "bench", Severity.P1, new IncidentBinding("production", null, null), "jane");
        ToggleButton fold = robot.lookup("#timeline-fold").queryAs(ToggleButton.class);
        ListView<?> list = robot.lookup("#timeline-list").queryAs(ListView.class);
        robot.interact(() -> fold.setSelected(false));
        FxScreen.waitFor(30, () -> list.getItems().size() >= 2 && list.getHeight() > 40);
        Thread fx = fxThread();
        Probe idle = new Probe(fx); // the same window with nothing appended: the floor this machine gives
        CountDownLatch fiveSeconds = new CountDownLatch(1);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        clock.schedule(fiveSeconds::countDown, 5, TimeUnit.SECONDS);
        assertThat(fiveSeconds.await(30, TimeUnit.SECONDS)).isTrue();
        clock.shutdownNow();
        String idling = idle.stop();

        Probe append = new Probe(fx);
        long t0 = System.nanoTime();
        List<CompletableFuture<?>> written = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            written.add(session.record(event(i)));
        }
        CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        FxScreen.waitFor(120, () -> list.getItems().size() >= EVENTS + 2);
        double appendSeconds = (System.nanoTime() - t0) / 1e9;
        String appended = append.stop();

        Probe scroll = new Probe(fx);
        int steps = 500;
        AtomicLong step = new AtomicLong();
        CountDownLatch scrolledDown = new CountDownLatch(1);
        ScheduledExecutorService frames = Executors.newSingleThreadScheduledExecutor();
        frames.scheduleAtFixedRate(() -> { // one jump of 20 lines per 60 Hz frame, as a fast scroll wheel
            long s = step.getAndIncrement();
            if (s > steps) {
                scrolledDown.countDown();
                return;
            }
            Platform.runLater(() -> list.scrollTo((int) s * (EVENTS / steps)));
        }, 0, 16, TimeUnit.MILLISECONDS);
        assertThat(scrolledDown.await(5, TimeUnit.MINUTES)).isTrue();
        frames.shutdownNow();
        String scrolled = scroll.stop();

        assertThat(list.getItems()).hasSizeGreaterThanOrEqualTo(EVENTS + 2);
        String report = String.format("| FX thread, timeline of %,d events | busy (FX CPU / wall) | longest stall "
                        + "(10 ms probe) | probes |%n|---|---|---|---|%n| idle, 5 s (the machine's floor) | %s |%n| appended as fast as the journal takes them "
                        + "(%.1f s, %.0f events/s) | %s |%n| scrolled first → last line, %d jumps of 20 lines at 60 Hz | %s |%n",
                EVENTS, idling, appendSeconds, EVENTS / appendSeconds, appended, steps, scrolled);
        Path out = Path.of("target", "bench", "timeline-load.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** A mix like a long incident's: mostly panel changes, a step with 20 lines of output every tenth event. */
    private static IncidentEvent event(int i) {
        return switch (i % 10) {
            case 0 -> new IncidentEvent.NoteAdded("note " + i + ": error rate now " + (i % 100) + " %", "jane");
            case 1 -> new IncidentEvent.StepStarted("Step " + i, "web-01", "systemctl status php-fpm");
            case 2 -> new IncidentEvent.StepFinished("Step " + i, "web-01", "systemctl status php-fpm", StepOutcome.OK, 0, 120,
                    null, "line of output\n".repeat(20), null);
            case 3, 4, 5 -> new IncidentEvent.HealthTransition("web-01", "api-health", "OK", "CRITICAL",
                    "HTTP 500 in " + i + " ms");
            case 6, 7 -> new IncidentEvent.BreakerTransition("redis", "svc" + i % 50, "cb:svc:state", "CLOSED", "OPEN",
                    (long) i, null);
            case 8 -> new IncidentEvent.ConnectionChanged("web-01", "lost", "timeout after 10 s", null);
            default -> new IncidentEvent.ConnectionChanged("web-01", "regained", null, null);
        };
    }

    /** FX-thread CPU over wall time, and the longest wait of a task posted every 10 ms. */
    private static final class Probe {
        private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        private final Thread fx;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong worst = new AtomicLong();
        private final Queue<Long> delays = new ConcurrentLinkedQueue<>();
        private final long cpu0;
        private final long wall0 = System.nanoTime();

        Probe(Thread fx) {
            this.fx = fx;
            this.cpu0 = mx.getThreadCpuTime(fx.getId());
            timer.scheduleAtFixedRate(() -> {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    long ms = (System.nanoTime() - posted) / 1_000_000;
                    worst.accumulateAndGet(ms, Math::max);
                    delays.add(ms);
                });
            }, 0, 10, TimeUnit.MILLISECONDS);
        }

        String stop() {
            timer.shutdownNow();
            double busy = 100.0 * (mx.getThreadCpuTime(fx.getId()) - cpu0) / (System.nanoTime() - wall0);
            List<Long> sorted = delays.stream().sorted().toList();
            long p99 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99));
            long over50 = sorted.stream().filter(d -> d > 50).count();
            return String.format("%.1f%% | %d ms (p99 %d ms; %d of %d over 50 ms) | %d", busy, worst.get(), p99,
                    over50, sorted.size(), sorted.size());
        }
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
