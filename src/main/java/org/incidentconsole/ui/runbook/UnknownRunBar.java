package org.incidentconsole.ui.runbook;

import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import org.incidentconsole.incident.UnknownRun;
import org.incidentconsole.ui.common.StyleClasses;

/**
 * Under Run, while the selected step has an unknown run (its console vanished mid-run): which hosts, and
 * "Acknowledge…" to say what was found on the first of them (the next one shows after).
 */
final class UnknownRunBar {
    private UnknownRunBar() {
    }

    static void install(UnknownRunsViewModel model, Button runButton) {
        Label what = new Label();
        what.setId("unknown-runs");
        what.setWrapText(true);
        what.getStyleClass().add(StyleClasses.DANGER_BADGE);
        Button acknowledge = new Button("Acknowledge…");
        acknowledge.setId("acknowledge-unknown");
        HBox bar = new HBox(8, what, acknowledge);
        bar.setId("unknown-run-bar");
        bar.visibleProperty().bind(Bindings.isNotEmpty(model.here()));
        bar.managedProperty().bind(bar.visibleProperty());
        model.here().addListener((ListChangeListener<UnknownRun>) c -> what.setText(model.here().isEmpty() ? ""
                : "Outcome UNKNOWN on " + model.here().stream().map(UnknownRun::host)
                .collect(Collectors.joining(", ")) + ": its console vanished mid-run; look at the host first."));
        acknowledge.setOnAction(e -> {
            if (model.here().isEmpty()) {
                return;
            }
            UnknownRun run = model.here().get(0);
            String finding = AcknowledgeDialog.ask(runButton.getScene() == null ? null
                    : runButton.getScene().getWindow(), run);
            if (finding != null) {
                model.acknowledge(run, finding);
            }
        });
        Pane pane = runButton.getParent() instanceof Pane p ? p : null;
        if (pane != null && pane.getParent() instanceof Pane outer) {
            outer.getChildren().add(outer.getChildren().indexOf(pane) + 1, bar);
        }
    }
}
