package org.incidentconsole.drill;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drill app's own traffic: every second it serves a request and logs it, so {@code tail -f} on its log always
 * streams. While the app is broken the lines are errors with their exception (and now and then the customer's
 * e-mail the broken release leaks); once healthy they are requests with their error count, zero.
 */
final class DrillAppTraffic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DrillAppTraffic.class);
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
        timer.scheduleWithFixedDelay(this::request, 1, 1, TimeUnit.SECONDS);
    }

    private void request() {
        try {
            tick++;
            String problem = app.problem();
            if (problem == null) {
                sandbox.logLine("INFO", "GET /api/bookings 200 {\"duration_ms\":" + (30 + tick % 20)
                        + ",\"errors\":0}");
            } else if (tick % 4 == 0) {
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
