package org.incidentconsole.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The app's threads: named daemons whose uncaught exceptions are logged. Nothing here runs on the FX thread. */
public final class AppExecutors implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppExecutors.class);

    private final ExecutorService io = Executors.newCachedThreadPool(named("ic-io"));
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, named("ic-timer"));

    public ExecutorService io() {
        return io;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOG.error("Uncaught exception in {}", thread.getName(), e));
            return t;
        };
    }

    @Override
    public void close() {
        io.shutdownNow();
        scheduler.shutdownNow();
    }
}
