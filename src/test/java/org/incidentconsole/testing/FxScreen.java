package org.incidentconsole.testing;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** Reading and clicking the real window as a person does: wait for what should appear, then act. */
public final class FxScreen {
    private FxScreen() {
    }

    /**
     * TestFX collects uncaught exceptions of every thread in the JVM and throws them in the next TestFX call, so a
     * server thread that failed while an earlier test class shut down would fail this test: forget those at start.
     */
    public static void forgetEarlierTestsExceptions() {
        WaitForAsyncUtils.clearExceptions();
        ignoreTestServerShutdownNoise();
    }

    /**
     * Test servers' own shutdown noise, dropped before TestFX sees it (TestFX would fail whichever window test runs
     * next with it); every other uncaught exception still reaches TestFX. One row per kind:
     * <ul>
     * <li>Apache MINA's NIO2 transport lets a read that completes while its server stops land on the stopped
     * executor: "Executor has been shut down" on a JDK epoll thread, after close() has returned;</li>
     * <li>GreenMail's SMTP handler ends by throwing "Unexpected error handling connection" when the client refused
     * its TLS certificate or dropped the connection — what the mail trust tests do on purpose.</li>
     * </ul>
     */
    private static final List<Predicate<Throwable>> SERVER_SHUTDOWN_NOISE = List.of(
            e -> e instanceof IllegalStateException && "Executor has been shut down".equals(e.getMessage())
                    && thrownBy(e, "org.apache.sshd.common.util.threads.NoCloseExecutor"),
            e -> e instanceof IllegalStateException && "Unexpected error handling connection".equals(e.getMessage())
                    && thrownBy(e, "com.icegreen.greenmail.smtp.SmtpHandler"));

    private static boolean thrownBy(Throwable e, String className) {
        return Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getClassName().equals(className));
    }

    private static synchronized void ignoreTestServerShutdownNoise() {
        Thread.UncaughtExceptionHandler current = Thread.getDefaultUncaughtExceptionHandler();
        if (current == null || current instanceof ServerShutdownFilter) {
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler(new ServerShutdownFilter(current));
    }

    private record ServerShutdownFilter(Thread.UncaughtExceptionHandler next)
            implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            if (SERVER_SHUTDOWN_NOISE.stream().noneMatch(noise -> noise.test(e))) {
                next.uncaughtException(t, e);
            }
        }
    }

    public static void waitFor(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    /** A label's text, once it is on screen (cells and panels are laid out asynchronously). */
    public static String text(FxRobot robot, String query) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        waitFor(30, () -> {
            robot.lookup(query).tryQuery().ifPresent(n -> seen.set(textOf(n)));
            return seen.get() != null;
        });
        return seen.get();
    }

    /** A label's, button's or text field's text now, or "" when it is not on screen. */
    public static String textNow(FxRobot robot, String query) {
        AtomicReference<String> seen = new AtomicReference<>("");
        try {
            robot.lookup(query).tryQuery().ifPresent(n -> seen.set(textOf(n)));
        } catch (NullPointerException changing) {
            return ""; // the lookup met a child list the FX thread was changing (a pane rebuilt): not there yet
        }
        return seen.get();
    }

    private static String textOf(Node n) {
        String text = n instanceof Labeled l ? l.getText()
                : n instanceof TextInputControl t ? t.getText() : String.valueOf(n);
        return text == null ? "" : text;
    }

    public static void waitForText(FxRobot robot, String query, String expected) throws Exception {
        waitFor(30, () -> expected.equals(textNow(robot, query)));
    }

    /** Dialogs fade in and panels appear late: click once the node is visible. */
    public static void clickWhenVisible(FxRobot robot, String query) throws Exception {
        AtomicReference<Node> seen = new AtomicReference<>();
        waitFor(30, () -> {
            try {
                robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().ifPresent(seen::set);
            } catch (NullPointerException closing) {
                return false; // a node of a window that is closing has no scene yet/any more: look again
            }
            return seen.get() != null;
        });
        robot.clickOn(seen.get()); // the node seen: a table's poll may rebuild its cells before a second lookup
    }
}
