package org.incidentconsole.ui.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.incidentconsole.notify.StatusPhase;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Comms window as an operator uses it, over real HTTP: webhooks on loopback answer as Slack does (ok, invalid
 * payload, 429 with Retry-After), senders POST to them through a courier, and the window shows each channel's fate.
 */
@ExtendWith(ApplicationExtension.class)
class CommsDialogScreenTest {
    private final ExecutorService io = Executors.newCachedThreadPool(r -> daemon(r, "comms-test-io"));
    private final ScheduledExecutorService courierPool = Executors.newScheduledThreadPool(2,
            r -> daemon(r, "comms-test-courier"));
    private LoopbackHooks hooks;
    private URI ok;
    private URI invalid;
    private URI busy;
    private LoopbackGateway gateway;
    private CommsDialog dialog;

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        hooks = new LoopbackHooks();
        ok = hooks.hook(LoopbackHooks.Answer.OK);
        invalid = hooks.hook(LoopbackHooks.Answer.INVALID);
        busy = hooks.hook(LoopbackHooks.Answer.BUSY);
        gateway = new LoopbackGateway(new PlainCourier(courierPool))
                .channel("slack", LoopbackHooks.sender("ops", ok))
                .channel("mattermost", LoopbackHooks.sender("eng", invalid))
                .channel("teams", LoopbackHooks.sender("leads", busy));
        Scene scene = new Scene(new StackPane(), 1280, 800);
        Theme.DARK.apply(scene);
        stage.setScene(scene);
        stage.show();
        dialog = new CommsDialog(stage, new CommsViewModel(Platform::runLater, io, gateway,
                Clock.systemDefaultZone()));
        dialog.show();
    }

    @AfterEach
    void close() {
        hooks.close();
        io.shutdownNow();
        courierPool.shutdownNow();
    }

    @Test
    void compose_preview_send_to_two_channels_one_failing_then_cancel_a_pending_retry(FxRobot robot)
            throws Exception {
        waitFor(30, () -> textNow(robot, "#comms-text").startsWith("[P1] Checkout answers 500\nWe are on it."));
        ChoiceBox<?> phase = robot.lookup("#comms-phase").queryAs(ChoiceBox.class);
        assertThat(phase.getValue()).as("preselected from the incident's status").isEqualTo(StatusPhase.IDENTIFIED);
        assertThat(phase.isDisabled()).as("the status page is not ticked").isTrue();
        Button send = robot.lookup("#comms-send").queryButton();
        assertThat(send.isDisabled()).as("no channel ticked").isTrue();

        clickWhenVisible(robot, "#comms-template-progress");
        waitFor(30, () -> textNow(robot, "#comms-text").endsWith("Elapsed: 12 min."));
        assertThat(textNow(robot, "#comms-subject")).isEqualTo("[P1] Checkout answers 500: step 3 of 7");
        clickWhenVisible(robot, "#comms-text");
        robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        robot.write(" Next update 14:30.");
        waitFor(30, () -> textNow(robot, "#comms-text").endsWith("Elapsed: 12 min. Next update 14:30."));
        Node text = robot.lookup("#comms-text").query();
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        waitFor(10, () -> !text.isFocused());
        assertThat(textNow(robot, "#comms-text")).as("Tab leaves the text, types nothing").doesNotContain("\t");

        clickWhenVisible(robot, "#comms-channel-ops");
        clickWhenVisible(robot, "#comms-channel-eng");
        waitFor(10, () -> !send.isDisabled());
        clickWhenVisible(robot, "#comms-preview-button");
        waitFor(30, () -> textNow(robot, "#comms-preview").contains("── eng · mattermost ──"));
        String preview = textNow(robot, "#comms-preview");
        assertThat(preview).contains("── ops · slack ──").contains("Next update 14:30.")
                .doesNotContain(ok.getPath()).doesNotContain(invalid.getPath()).contains("/hooks/••••••");

        long clicked = System.nanoTime();
        clickWhenVisible(robot, "#comms-send");
        try {
            waitFor(60, () -> textNow(robot, "#comms-delivery-ops").matches("delivered at \\d\\d:\\d\\d:\\d\\d")
                    && textNow(robot, "#comms-delivery-eng").startsWith("failed"));
        } catch (TimeoutException e) {
            throw new AssertionError("ops: '" + textNow(robot, "#comms-delivery-ops") + "', eng: '"
                    + textNow(robot, "#comms-delivery-eng") + "', " + textNow(robot, "#comms-message"), e);
        }
        System.out.printf("Send clicked → delivered and failed shown: %d ms (loopback webhooks, TestFX's polling"
                + " included)%n", (System.nanoTime() - clicked) / 1_000_000);
        assertThat(textNow(robot, "#comms-delivery-eng")).isEqualTo("failed: 400 invalid_payload");
        Node failed = robot.lookup("#comms-delivery-eng").query();
        assertThat(failed.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("failed"));
        assertThat(hooks.received(ok)).singleElement().asString().contains("Next update 14:30.");
        assertThat(hooks.received(invalid)).as("a 400 is not tried again").hasSize(1);
        waitFor(30, () -> textNow(robot, "#comms-message").equals("Done: 1 delivered, 1 failed."));

        clickWhenVisible(robot, "#comms-channel-ops");
        clickWhenVisible(robot, "#comms-channel-eng");
        clickWhenVisible(robot, "#comms-channel-leads");
        clickWhenVisible(robot, "#comms-send");
        waitFor(60, () -> textNow(robot, "#comms-delivery-leads").startsWith("waiting to retry in "));
        assertThat(textNow(robot, "#comms-delivery-leads")).endsWith(" s: 429 rate_limited");
        assertThat(robot.lookup("#comms-delivery-ops").tryQuery()).as("rows of the message just sent only").isEmpty();
        assertThat(send.isDisabled()).as("one message at a time").isTrue();
        clickWhenVisible(robot, "#comms-cancel-leads");
        waitFor(30, () -> textNow(robot, "#comms-delivery-leads").equals("cancelled"));
        waitFor(30, () -> !send.isDisabled());
        assertThat(robot.lookup("#comms-cancel-leads").queryButton().isVisible()).isFalse();
        assertThat(hooks.received(busy)).as("the retry was cancelled before it was made").hasSize(1);

        clickWhenVisible(robot, "#comms-copy");
        waitFor(30, () -> !gateway.copied.isEmpty());
        assertThat(gateway.copied).containsExactly("progress: [P1] Checkout answers 500: step 3 of 7 — Roll back "
                + "the release\nElapsed: 12 min. Next update 14:30.");
    }
}
