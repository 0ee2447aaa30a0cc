package org.incidentconsole.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.incidentconsole.testing.FxScreen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The comms secret prompt: asked from a worker thread, typed masked, answered once; Cancel answers nothing. */
@ExtendWith(ApplicationExtension.class)
class FxSecretPromptTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        FxScreen.forgetEarlierTestsExceptions();
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 200));
        stage.show();
    }

    @Test
    void the_typed_secret_is_the_answer_and_the_dialog_names_the_channel_and_variable(FxRobot robot)
            throws Exception {
        FxSecretPrompt prompt = new FxSecretPrompt(() -> stage);
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(
                () -> prompt.ask("ops", "webhook URL", "OPS_SLACK_WEBHOOK"));

        waitFor(30, () -> robot.lookup("#comms-secret-field").tryQuery().isPresent());
        assertThat(robot.lookup("The webhook URL of channel ops is not set (OPS_SLACK_WEBHOOK)").tryQuery())
                .isPresent();
        clickWhenVisible(robot, "#comms-secret-field");
        robot.write("https://hooks.example/T1/B2/c3");
        PasswordField field = robot.lookup("#comms-secret-field").queryAs(PasswordField.class);
        assertThat(field.getText()).isEqualTo("https://hooks.example/T1/B2/c3");
        clickWhenVisible(robot, "OK");

        assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo("https://hooks.example/T1/B2/c3");
    }

    @Test
    void cancel_answers_nothing(FxRobot robot) throws Exception {
        FxSecretPrompt prompt = new FxSecretPrompt(() -> stage);
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(
                () -> prompt.ask("mail", "SMTP password", "SMTP_PASSWORD"));

        waitFor(30, () -> robot.lookup("#comms-secret-field").tryQuery().isPresent());
        clickWhenVisible(robot, "Cancel");

        assertThat(answer.get(30, TimeUnit.SECONDS)).isNull();
    }
}
