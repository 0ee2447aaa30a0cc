package org.incidentconsole.app;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how long after the JVM started the main window's first frame was drawn (the launch figure). With the
 * system property {@code incident-console.exit-after-first-frame=true} the app then quits: the launch benchmark.
 */
final class FirstFrame {
    private static final Logger LOG = LoggerFactory.getLogger(FirstFrame.class);
    static final String EXIT_PROPERTY = "incident-console.exit-after-first-frame";

    private FirstFrame() {
    }

    /** Call right after the main window's stage is shown; the timer's first callback is the first pulse. */
    static void watch() {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // the first pulse lays out and renders the new scene; by the second, that frame is on screen
                if (++frames < 2) {
                    return;
                }
                stop();
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                LOG.info("First frame of the main window {} ms after the JVM started", ms);
                if (Boolean.getBoolean(EXIT_PROPERTY)) {
                    Platform.exit();
                }
            }
        }.start();
    }
}
