package org.incidentconsole.ui.runbook;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.incidentconsole.incident.EnvInputs;
import org.incidentconsole.runbook.Step;

/**
 * The environment variables a step reads without setting: each gets a value (exported before the script) or is
 * ticked as set on the host. Run refuses while one has neither.
 */
final class InputsPane {
    private InputsPane() {
    }

    static List<Node> of(Step step, StepperViewModel model) {
        List<String> names = model.walk().runs(step).stream().flatMap(s -> s.inputs().stream()).distinct().toList();
        if (names.isEmpty()) {
            names = step.inputs();
        }
        if (names.isEmpty()) {
            return List.of();
        }
        Label title = new Label("Environment the commands read — give a value, or tick if the host sets it:");
        title.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setId("env-inputs");
        grid.setHgap(8);
        grid.setVgap(4);
        int row = 0;
        for (String name : names) {
            String key = EnvInputs.key(name);
            TextField field = new TextField(model.values().getOrDefault(key, ""));
            field.setId("env-" + name);
            field.setPromptText("value for " + name);
            field.textProperty().addListener((obs, old, now) -> model.setValue(key, now));
            CheckBox onHost = new CheckBox("set on the host");
            onHost.setId("env-host-" + name);
            onHost.setSelected(model.walk().onHost().contains(name));
            onHost.selectedProperty().addListener((obs, was, now) -> {
                if (now) {
                    model.walk().onHost().add(name);
                } else {
                    model.walk().onHost().remove(name);
                }
            });
            field.disableProperty().bind(onHost.selectedProperty());
            grid.addRow(row++, new Label("$" + name), field, onHost);
        }
        return List.of(title, grid);
    }
}
