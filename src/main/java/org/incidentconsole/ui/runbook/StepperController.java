package org.incidentconsole.ui.runbook;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.incidentconsole.runbook.ChecklistItem;
import org.incidentconsole.runbook.CodeBlock;
import org.incidentconsole.runbook.Danger;
import org.incidentconsole.runbook.Step;

/** The runbook stepper's view; state and actions live in {@link StepperViewModel}. */
public final class StepperController {
    private final StepperViewModel model;
    private final List<Path> runbooks;
    private final Supplier<String> environment;
    private final Supplier<String> export;

    @FXML
    private ComboBox<Path> runbookChoice;
    @FXML
    private Label title;
    @FXML
    private ListView<Step> steps;
    @FXML
    private VBox detail;
    @FXML
    private Label message;
    @FXML
    private Button runButton;
    @FXML
    private Button cancelButton;
    @FXML
    private ListView<String> output;
    @FXML
    private Label exported;

    /**
     * @param export writes the report from the journal and says where (runs off the FX thread inside)
     */
    public StepperController(StepperViewModel model, List<Path> runbooks, Supplier<String> environment,
                             Supplier<String> export) {
        this.model = model;
        this.runbooks = List.copyOf(runbooks);
        this.environment = environment;
        this.export = export;
    }

    @FXML
    private void initialize() {
        runbookChoice.getItems().setAll(runbooks);
        runbookChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Path path) {
                return path == null ? "" : path.getFileName().toString();
            }

            @Override
            public Path fromString(String text) {
                return runbooks.stream().filter(p -> p.getFileName().toString().equals(text)).findFirst().orElse(null);
            }
        });
        runbooks.stream().filter(p -> p.getFileName().toString().equals("emergency-rollback.md")).findFirst()
                .or(() -> runbooks.stream().findFirst()).ifPresent(runbookChoice.getSelectionModel()::select);
        steps.setItems(model.steps());
        Label none = new Label("No runbook open");
        none.setWrapText(true);
        steps.setPlaceholder(none);
        steps.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Step step, boolean empty) {
                super.updateItem(step, empty);
                setText(empty || step == null ? null : step.title()
                        + (step.dangers().isEmpty() ? "" : "  ⚠"));
                setId(empty || step == null ? null : "step-" + getIndex());
            }
        });
        steps.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.select(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            steps.getSelectionModel().select(now);
            show(now);
        });
        model.runbookProperty().addListener((obs, old, now) -> title.setText(now == null ? "" : now.title()));
        message.textProperty().bind(model.messageProperty());
        runButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.runningProperty().get() || model.selectedProperty().get() == null
                        || model.selectedProperty().get().shellBlocks().isEmpty(),
                model.runningProperty(), model.selectedProperty()));
        cancelButton.disableProperty().bind(model.runningProperty().not());
        output.setItems(model.output());
        model.output().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!model.output().isEmpty()) {
                output.scrollTo(model.output().size() - 1);
            }
        });
    }

    @FXML
    private void open() {
        Path chosen = runbookChoice.getValue();
        if (chosen != null) {
            model.open(chosen);
        }
    }

    @FXML
    private void export() {
        exported.setText("Exporting…");
        javafx.concurrent.Task<String> task = new javafx.concurrent.Task<>() {
            @Override
            protected String call() {
                return export.get();
            }
        };
        task.setOnSucceeded(e -> exported.setText("Report written to " + task.getValue()));
        task.setOnFailed(e -> exported.setText("Export failed: " + task.getException().getMessage()));
        Thread t = new Thread(task, "ic-export");
        t.setDaemon(true);
        t.start();
    }

    private void show(Step step) {
        detail.getChildren().clear();
        if (step == null) {
            return;
        }
        Label heading = new Label(step.pathText() + (step.budget() == null ? "" : "  ·  budget " + step.budget()));
        heading.getStyleClass().add("step-title");
        heading.setId("step-heading");
        heading.setWrapText(true);
        detail.getChildren().add(heading);
        if (!step.description().isBlank()) {
            Label description = new Label(step.description());
            description.setWrapText(true);
            detail.getChildren().add(description);
        }
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(4);
        int row = 0;
        for (String name : step.placeholders().stream().map(p -> p.kind() == org.incidentconsole.runbook.Placeholder
                .Kind.VARIABLE ? p.name() : p.token()).distinct().toList()) {
            TextField field = new TextField(model.values().getOrDefault(name, ""));
            field.setId("var-" + name);
            field.textProperty().addListener((obs, old, now) -> model.setValue(name, now));
            form.addRow(row++, new Label(name), field);
        }
        if (row > 0) {
            detail.getChildren().add(form);
        }
        for (CodeBlock block : step.shellBlocks()) {
            TextArea script = new TextArea(block.script());
            script.setEditable(false);
            script.getStyleClass().add("script");
            script.setPrefRowCount(Math.min(8, (int) block.script().lines().count() + 1));
            detail.getChildren().add(script);
        }
        for (Danger d : step.dangers()) {
            Label badge = new Label("⚠ DANGER: " + d.reason() + " — " + d.command());
            badge.getStyleClass().add("danger-badge");
            badge.setWrapText(true);
            detail.getChildren().add(badge);
        }
        for (ChecklistItem item : step.checklist()) {
            CheckBox box = new CheckBox(item.text());
            box.setId("check-" + item.line());
            box.setSelected(model.isTicked(step, item));
            box.setOnAction(e -> {
                boolean wanted = box.isSelected();
                box.setDisable(true);
                model.tick(step, item, wanted).whenComplete((v, err) -> javafx.application.Platform.runLater(() -> {
                    box.setDisable(false);
                    box.setSelected(err == null ? wanted : !wanted);
                }));
            });
            detail.getChildren().add(box);
        }
    }

    @FXML
    private void run() {
        Step step = model.selectedProperty().get();
        if (step != null) {
            run(step);
        }
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    private void run(Step step) {
        String typed = null;
        if (!step.dangers().isEmpty()) {
            TextInputDialog confirm = new TextInputDialog();
            confirm.setTitle("Dangerous step");
            confirm.setHeaderText("This step " + step.dangers().get(0).reason()
                    + (step.dangers().size() > 1 ? " (and " + (step.dangers().size() - 1) + " more)" : "")
                    + ".\nType '" + environment.get() + "' to run it.");
            confirm.getDialogPane().setId("danger-dialog");
            confirm.getEditor().setId("danger-confirmation");
            typed = confirm.showAndWait().orElse(null);
            if (typed == null) {
                return;
            }
        }
        model.run(typed);
    }
}
