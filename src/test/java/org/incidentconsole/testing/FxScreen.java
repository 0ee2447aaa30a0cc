package org.incidentconsole.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
        robot.lookup(query).tryQuery().ifPresent(n -> seen.set(textOf(n)));
        return seen.get();
    }

    private static String textOf(Node n) {
        String text = n instanceof javafx.scene.control.Labeled l ? l.getText()
                : n instanceof javafx.scene.control.TextInputControl t ? t.getText() : String.valueOf(n);
        return text == null ? "" : text;
    }

    public static void waitForText(FxRobot robot, String query, String expected) throws Exception {
        waitFor(30, () -> expected.equals(textNow(robot, query)));
    }

    /** Dialogs fade in and panels appear late: click once the node is visible. */
    public static void clickWhenVisible(FxRobot robot, String query) throws Exception {
        AtomicReference<Node> seen = new AtomicReference<>();
        waitFor(30, () -> {
            robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().ifPresent(seen::set);
            return seen.get() != null;
        });
        robot.clickOn(seen.get()); // the node seen: a table's poll may rebuild its cells before a second lookup
    }
}
