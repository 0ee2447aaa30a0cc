package org.incidentconsole.drill;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drill app's own traffic, logged, so {@code tail -f} on its log always streams. While the app is broken it
 * logs an error with its exception every second (every fourth one leaks the customer's e-mail); once healthy it
 * serves four requests a second, each logged with its error count, zero — so the last lines of the log read clean
 * within seconds of the heal, as the error-rate check and a short unattended watch expect.
 */
final class DrillAppTraffic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DrillAppTraffic.class);
    private static final long TICK_MILLIS = 250;
    private static final int TICKS_PER_ERROR = 4;
    private final DrillSandbox sandbox;
    private final DrillHealthEndpoint app;
    private final ScheduledExecutorService timer;
    private long tick;

    DrillAppTraffic(DrillSandbox sandbox, DrillHealthEndpoint app) {
        this.sandbox = sandbox;
        this.app = app;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drill-app-traffic");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::request, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void request() {
        try {
            tick++;
            String problem = app.problem();
            if (problem == null) {
                sandbox.logLine("INFO", "GET /api/bookings 200 {\"duration_ms\":" + (30 + tick % 20)
                        + ",\"errors\":0}");
            } else if (tick % TICKS_PER_ERROR != 0) {
                return;
            } else if (tick % (TICKS_PER_ERROR * 4) == 0) {
                sandbox.logLine("ERROR", "booking failed for customer maria.schmidt@example.org (" + problem + ")");
            } else {
                sandbox.logLine("ERROR", "GET /api/bookings 500 {\"exception\":\"[object] (Error(code: 0): "
                        + problem + ")\"}");
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("The drill app's traffic could not log: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
