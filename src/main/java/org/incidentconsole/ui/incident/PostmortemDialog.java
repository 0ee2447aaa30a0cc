package org.incidentconsole.ui.incident;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.incidentconsole.report.ActionItemType;
import org.incidentconsole.report.PostmortemField;
import org.incidentconsole.ui.common.ErrorPresenter;

/**
 * The Postmortem pane: the report's prose fields, action items, roles and messages sent, each save journaled.
 * Opened from the incident bar during or after the incident.
 */
final class PostmortemDialog {
    private PostmortemDialog() {
    }

    static void show(Window owner, PostmortemViewModel model) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Postmortem");
        dialog.setHeaderText("What the report says beyond the journal. Every save is journaled with your name.");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setId("postmortem-pane");
        Label status = new Label();
        status.setId("postmortem-status");
        status.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        Map<PostmortemField, TextInputControl> inputs = new EnumMap<>(PostmortemField.class);
        int row = 0;
        for (var e : model.fields().entrySet()) {
            TextInputControl input = e.getKey() == PostmortemField.DETECTED_AT ? new TextField() : area();
            input.setId("postmortem-" + e.getKey().key());
            input.setText(e.getValue());
            input.setPromptText(e.getKey().prompt());
            inputs.put(e.getKey(), input);
            grid.addRow(row++, new Label(e.getKey().label()), input);
        }
        TextField item = field("postmortem-item", "Action item");
        ChoiceBox<String> type = new ChoiceBox<>();
        type.setId("postmortem-item-type");
        for (ActionItemType t : ActionItemType.values()) {
            type.getItems().add(t.key());
        }
        type.setValue(ActionItemType.PREVENT.key());
        TextField itemOwner = field("postmortem-item-owner", "Owner");
        TextField ticket = field("postmortem-item-ticket", "Ticket link or id");
        Button add = button("postmortem-item-add", "Add action item", status,
                () -> model.addActionItem(item.getText(), type.getValue(), itemOwner.getText(), ticket.getText()),
                "Action item added.", item, itemOwner, ticket);
        ChoiceBox<String> role = new ChoiceBox<>();
        role.setId("postmortem-role");
        role.getItems().addAll(PostmortemViewModel.ROLES);
        role.setValue("comms");
        TextField person = field("postmortem-person", "Who");
        Button name = button("postmortem-role-add", "Name", status, () -> model.assignRole(role.getValue(),
                person.getText()), "Role named.", person);
        TextField channel = field("postmortem-channel", "Where it went (status page, #incident…)");
        TextField message = field("postmortem-message", "The message as sent");
        Button sent = button("postmortem-message-add", "Record message", status,
                () -> model.messageSent(channel.getText(), message.getText()), "Message recorded.", message);
        item.setPrefColumnCount(40);
        message.setPrefColumnCount(40);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(380);
        VBox content = new VBox(8, status, scroll, new Label("Action items"), item,
                new HBox(6, type, itemOwner, ticket, add), new Label("Roles"), new HBox(6, role, person, name),
                new Label("Messages sent"), channel, new HBox(6, message, sent));
        dialog.getDialogPane().setContent(content);
        ButtonType save = new ButtonType("Save fields", ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CLOSE);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("postmortem-save");
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            Map<PostmortemField, String> edited = new EnumMap<>(PostmortemField.class);
            inputs.forEach((f, in) -> edited.put(f, in.getText()));
            run(status, () -> model.save(edited).thenApply(n -> n == 0 ? "Nothing changed."
                    : "Saved " + n + (n == 1 ? " field." : " fields.")), null);
        });
        dialog.getDialogPane().setPrefWidth(820);
        dialog.show();
    }

    private static TextArea area() {
        TextArea a = new TextArea();
        a.setWrapText(true);
        a.setPrefRowCount(2);
        a.setPrefColumnCount(60);
        return a;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private static Button button(String id, String text, Label status, Supplier<CompletableFuture<Void>> action,
                                 String done, TextField... clear) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> run(status, () -> action.get().thenApply(v -> done), clear));
        return b;
    }

    /** Runs a save; the status line says what happened, a refusal in one sentence. */
    private static void run(Label status, Supplier<CompletableFuture<String>> action, TextField[] clear) {
        CompletableFuture<String> saving;
        try {
            saving = action.get();
        } catch (IllegalArgumentException | IllegalStateException ex) {
            status.setText(ex.getMessage());
            return;
        }
        status.setText("Saving…");
        saving.whenComplete((msg, err) -> Platform.runLater(() -> {
            if (err != null) {
                status.setText(ErrorPresenter.logged("Not saved", err));
                return;
            }
            status.setText(msg);
            if (clear != null) {
                for (TextField f : clear) {
                    f.clear();
                }
            }
        }));
    }
}
