package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.incidentconsole.breaker.BreakerCommand;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.ssh.UnknownHostKey;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.ui.breakers.BreakerActionsViewModel;
import org.incidentconsole.ui.breakers.BreakerConfirmDialog;
import org.incidentconsole.ui.breakers.BreakerRow;
import org.incidentconsole.ui.common.FxHostKeyPrompt;
import org.incidentconsole.ui.incident.ResolveCriticalDialog;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every risky confirmation, shown as the console shows it: Enter (the operator's reflex) never confirms, only a
 * click on the act itself does.
 */
@ExtendWith(ApplicationExtension.class)
class RiskyDialogsEnterTest {
    private Stage stage;

    /** One risky dialog: its id, its act's button text, and how the console asks it (the answer, once given). */
    record Risky(String name, String dialogId, String act, Function<Stage, CompletableFuture<Boolean>> ask) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Risky> riskyDialogs() {
        var calcom = new BreakerRow("web-01 redis", "calcom", BreakerState.OPEN, "9", "2 min", true, "");
        var reset = new BreakerActionsViewModel.Confirmation(BreakerCommand.RESET, "Reset calcom",
                "calcom: open · STUCK, failures 9  →  closed, failures deleted", List.of(calcom));
        var key = new UnknownHostKey("web-01", "10.0.0.5", 22, "ssh-ed25519",
                "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
        return Stream.of(
                new Risky("breaker confirmation", BreakerConfirmDialog.DIALOG_ID, "Reset calcom",
                        stage -> onFx(() -> BreakerConfirmDialog.of(reset, stage).ask())),
                new Risky("host-key prompt", FxHostKeyPrompt.DIALOG_ID, FxHostKeyPrompt.TRUST,
                        stage -> CompletableFuture.supplyAsync(() -> new FxHostKeyPrompt(() -> stage).trust(key))),
                new Risky("close guard", CloseGuard.DIALOG_ID, "Close anyway",
                        stage -> onFx(() -> CloseGuard.confirm(stage))),
                new Risky("resolve while CRITICAL", ResolveCriticalDialog.DIALOG_ID, "Resolve anyway",
                        stage -> onFx(() -> ResolveCriticalDialog.of("api-health is CRITICAL on web-01", stage)
                                .ask())));
    }

    private static CompletableFuture<Boolean> onFx(Supplier<Boolean> ask) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(ask.get()));
        return answer;
    }

    @Start
    void start(Stage stage) {
        FxScreen.forgetEarlierTestsExceptions();
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 800, 600));
        stage.show();
    }

    private static DialogPane shown(FxRobot robot, Risky dialog) throws Exception {
        waitFor(30, () -> robot.lookup("#" + dialog.dialogId()).tryQuery()
                .map(n -> n.getScene().getWindow().isFocused()).orElse(false));
        return robot.lookup("#" + dialog.dialogId()).queryAs(DialogPane.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("riskyDialogs")
    void enter_does_not_confirm(Risky dialog) throws Exception {
        FxRobot robot = new FxRobot();
        CompletableFuture<Boolean> answer = dialog.ask().apply(stage);
        DialogPane pane = shown(robot, dialog);
        Node act = pane.getButtonTypes().stream().map(pane::lookupButton)
                .filter(b -> ((Button) b).getText().equals(dialog.act())).findFirst().orElseThrow();
        assertThat(((Button) act).isDefaultButton()).as("the act is not the default button").isFalse();

        robot.targetWindow(pane.getScene().getWindow()).type(KeyCode.ENTER);

        assertThat(answer.get(30, TimeUnit.SECONDS)).as("Enter on " + dialog.name()).isFalse();
        waitFor(10, () -> robot.lookup("#" + dialog.dialogId()).tryQuery().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("riskyDialogs")
    void a_click_on_the_act_confirms(Risky dialog) throws Exception {
        FxRobot robot = new FxRobot();
        CompletableFuture<Boolean> answer = dialog.ask().apply(stage);
        shown(robot, dialog);

        robot.clickOn(dialog.act());

        assertThat(answer.get(30, TimeUnit.SECONDS)).as("a click on " + dialog.act()).isTrue();
    }
}
