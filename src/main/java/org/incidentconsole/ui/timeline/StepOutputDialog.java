package org.incidentconsole.ui.timeline;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * A step event's command and output in a window of their own, sized by what they hold (DialogSizes fits it to
 * its content, within the screen). Not modal: the operator keeps working while it is open.
 */
final class StepOutputDialog {
    static final int MAX_COLUMNS = 140;
    static final int MAX_ROWS = 36;

    private StepOutputDialog() {
    }

    static void show(Window owner, TimelineDetail detail) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle("Step output");
        dialog.setHeaderText(detail.title());
        dialog.getDialogPane().setId("timeline-output-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        VBox content = new VBox(6);
        if (detail.command() != null && !detail.command().isBlank()) {
            content.getChildren().addAll(new Label("Command as it ran"), area("timeline-command", detail.command()));
        }
        if (detail.output() != null) {
            TextArea output = area("timeline-output", detail.output());
            VBox.setVgrow(output, Priority.ALWAYS);
            content.getChildren().addAll(new Label("Output (as journaled, secrets redacted)"), output);
        }
        dialog.getDialogPane().setContent(content);
        dialog.show();
    }

    /** Read-only monospace text, as wide and tall as its lines ask, up to a readable bound (then it scrolls). */
    private static TextArea area(String id, String text) {
        TextArea area = new TextArea(text);
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("timeline-output-text");
        String[] lines = text.split("\\R", -1);
        int longest = 0;
        for (String l : lines) {
            longest = Math.max(longest, l.length());
        }
        area.setPrefColumnCount(Math.max(20, Math.min(MAX_COLUMNS, longest + 2)));
        area.setPrefRowCount(Math.max(1, Math.min(MAX_ROWS, lines.length)));
        return area;
    }
}
