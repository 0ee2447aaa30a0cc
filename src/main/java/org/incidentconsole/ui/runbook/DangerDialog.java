package org.incidentconsole.ui.runbook;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.incidentconsole.ui.common.StyleClasses;

/** The typed confirmation of a dangerous step: shows a {@link DangerConfirmation}, gives what was typed or null. */
final class DangerDialog {
    private DangerDialog() {
    }

    static String ask(Window owner, DangerConfirmation confirmation) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Dangerous step");
        dialog.setHeaderText(confirmation.heading());
        dialog.getDialogPane().setId("danger-dialog");

        VBox reasons = new VBox(4);
        reasons.setId("danger-reasons");
        for (int i = 0; i < confirmation.dangers().size(); i++) {
            Label reason = new Label("⚠ " + confirmation.dangers().get(i));
            reason.setId("danger-reason-" + i);
            reason.setWrapText(true);
            reason.getStyleClass().add(StyleClasses.DANGER_BADGE);
            reasons.getChildren().add(reason);
        }
        TextArea commands = new TextArea(confirmation.commands());
        commands.setId("danger-commands");
        commands.setEditable(false);
        commands.getStyleClass().add(StyleClasses.SCRIPT);
        commands.setPrefRowCount((int) Math.min(10, confirmation.commands().lines().count() + 1));
        Label hosts = new Label(confirmation.hosts());
        hosts.setId("danger-hosts");
        hosts.setWrapText(true);
        Label prompt = new Label(confirmation.prompt());
        prompt.setId("danger-prompt");
        TextField typed = new TextField();
        typed.setId("danger-confirmation");
        typed.setPromptText(confirmation.word());

        VBox content = new VBox(8, reasons, new Label("Will run:"), commands, new Label("On:"), hosts, prompt, typed);
        content.setPrefWidth(640);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).setId("danger-run");
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("danger-cancel");
        dialog.setResultConverter(button -> button == ButtonType.OK ? typed.getText() : null);
        dialog.setOnShown(e -> typed.requestFocus());
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog.showAndWait().orElse(null);
    }
}
