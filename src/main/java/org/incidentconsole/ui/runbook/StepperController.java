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
    private final java.util.function.Consumer<Runnable> ensureIncident;
    private final java.util.function.Function<String, java.util.concurrent.CompletableFuture<Void>> note;

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
    /** The read-only "will run:" text of the step shown, bound to the model while it is shown. */
    private TextArea willRun;
    @FXML
    private Button runButton;
    @FXML
    private Button cancelButton;
    @FXML
    private javafx.scene.control.ChoiceBox<org.incidentconsole.incident.StepRunner.Mode> modeChoice;
    @FXML
    private javafx.scene.control.TabPane outputTabs;
    @FXML
    private CheckBox follow;
    @FXML
    private TextField noteField;
    private final ListView<String> output = new ListView<>();
    private KindPanes kinds;

    /**
     * @param ensureIncident runs its argument once an incident is active (asks to start one first if needed)
     * @param note           journals a note for the timeline
     */
    public StepperController(StepperViewModel model, List<Path> runbooks, Supplier<String> environment,
                             java.util.function.Consumer<Runnable> ensureIncident,
                             java.util.function.Function<String, java.util.concurrent.CompletableFuture<Void>> note) {
        this.model = model;
        this.runbooks = List.copyOf(runbooks);
        this.environment = environment;
        this.ensureIncident = ensureIncident;
        this.note = note;
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
        Label none = new Label("No runbook open.\nChoose one above and press Open.");
        none.setWrapText(true);
        none.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        steps.setPlaceholder(none);
        steps.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Step step, boolean empty) {
                super.updateItem(step, empty);
                String mark = empty || step == null ? null : model.marks().get(step.pathText());
                setText(empty || step == null ? null : (mark == null ? "" : mark + " ") + step.title()
                        + (step.dangers().isEmpty() ? "" : "  ⚠"));
                setId(empty || step == null ? null : "step-" + getIndex());
                boolean aside = !empty && step != null && (!model.walk().inProcedure(step)
                        || model.walk().gatedOut(step));
                setOpacity(aside ? 0.55 : 1); // another procedure's step, or one an answer passed over
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
                        || !model.walk().runnable(model.selectedProperty().get())
                        || !model.runBlockedProperty().get().isEmpty(),
                model.runningProperty(), model.selectedProperty(), model.runBlockedProperty(),
                model.walk().changes()));
        kinds = new KindPanes(model.walk(), ensureIncident);
        model.walk().changes().addListener((obs, old, now) -> {
            steps.refresh();
            show(model.selectedProperty().get());
        });
        WalkBar.install(model, title, cancelButton, kinds);
        showRunBlocked();
        showWarning();
        cancelButton.disableProperty().bind(model.runningProperty().not());
        model.marks().addListener((javafx.collections.MapChangeListener<String, String>) c -> steps.refresh());
        modeChoice.getItems().setAll(org.incidentconsole.incident.StepRunner.Mode.values());
        modeChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(org.incidentconsole.incident.StepRunner.Mode m) {
                return m == null ? "" : m == org.incidentconsole.incident.StepRunner.Mode.PARALLEL
                        ? "all at once" : "host by host";
            }

            @Override
            public org.incidentconsole.incident.StepRunner.Mode fromString(String text) {
                return null;
            }
        });
        modeChoice.valueProperty().bindBidirectional(modeProperty());
        modeChoice.disableProperty().bind(model.runningProperty());
        output.setItems(model.output());
        output.setId("step-output");
        output.getStyleClass().add("step-output");
        outputTabs.getTabs().add(tab("All hosts", output, null));
        model.hostOutputs().addListener((javafx.collections.ListChangeListener<StepperViewModel.HostOutput>) c -> {
            outputTabs.getTabs().remove(1, outputTabs.getTabs().size());
            for (StepperViewModel.HostOutput o : model.hostOutputs()) {
                ListView<String> lines = new ListView<>(o.lines());
                lines.setId("output-" + o.host());
                lines.getStyleClass().add("step-output");
                outputTabs.getTabs().add(tab(o.host(), lines, o));
            }
        });
    }

    /** The resumed runbook's file is gone or changed since: one sentence under the title, while it holds. */
    private void showWarning() {
        Label warning = new Label();
        warning.setId("runbook-warning");
        warning.getStyleClass().add("inventory-message");
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.textProperty().bind(model.warningProperty());
        warning.visibleProperty().bind(warning.textProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        if (title.getParent() instanceof HBox row && row.getParent() instanceof javafx.scene.layout.Pane pane) {
            pane.getChildren().add(pane.getChildren().indexOf(row) + 1, warning);
        }
    }

    /** Why Run is off, next to it (none of the hosts to run on connected). */
    private void showRunBlocked() {
        Label why = new Label();
        why.setId("run-blocked");
        why.setWrapText(true);
        why.textProperty().bind(model.runBlockedProperty());
        why.visibleProperty().bind(why.textProperty().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        if (runButton.getParent() instanceof javafx.scene.layout.Pane pane) {
            pane.getChildren().add(pane.getChildren().indexOf(runButton) + 1, why);
        }
    }

    /** A bidirectional bridge: the model's mode is read-only outside, set through {@code setMode}. */
    private javafx.beans.property.ObjectProperty<org.incidentconsole.incident.StepRunner.Mode> modeProperty() {
        javafx.beans.property.SimpleObjectProperty<org.incidentconsole.incident.StepRunner.Mode> bridge =
                new javafx.beans.property.SimpleObjectProperty<>(model.modeProperty().get());
        model.modeProperty().addListener((obs, old, now) -> bridge.set(now));
        bridge.addListener((obs, old, now) -> {
            if (now != null) {
                model.setMode(now);
            }
        });
        return bridge;
    }

    /** An output tab that scrolls with new lines unless the operator scrolled up (Follow output unticks). */
    private javafx.scene.control.Tab tab(String name, ListView<String> lines, StepperViewModel.HostOutput host) {
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab(name, lines);
        tab.setId("tab-" + name.replace(' ', '-'));
        if (host != null) {
            tab.textProperty().bind(javafx.beans.binding.Bindings.concat(name, " · ", host.statusProperty()));
        }
        lines.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                follow.setSelected(false);
            }
        });
        lines.getItems().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (follow.isSelected() && !lines.getItems().isEmpty()) {
                lines.scrollTo(lines.getItems().size() - 1);
            }
        });
        return tab;
    }

    @FXML
    @SuppressWarnings("unchecked")
    private void copyOutput() {
        javafx.scene.control.Tab tab = outputTabs.getSelectionModel().getSelectedItem();
        if (tab != null && tab.getContent() instanceof ListView<?> list) {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(String.join("\n", (List<String>) list.getItems()));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }
    }

    @FXML
    private void addNote() {
        String text = noteField.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        ensureIncident.accept(() -> {
            noteField.setDisable(true);
            note.apply(text).whenComplete((v, err) -> javafx.application.Platform.runLater(() -> {
                noteField.setDisable(false);
                if (err == null) {
                    noteField.clear();
                }
            }));
        });
    }

    @FXML
    private void openFile() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Open a runbook");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Markdown", "*.md"));
        java.io.File file = chooser.showOpenDialog(title.getScene().getWindow());
        if (file != null) {
            ensureIncident.accept(() -> model.open(file.toPath()));
        }
    }

    @FXML
    private void open() {
        Path chosen = runbookChoice.getValue();
        if (chosen != null) {
            ensureIncident.accept(() -> model.open(chosen));
        }
    }

    private void show(Step step) {
        if (willRun != null) {
            willRun.textProperty().unbind(); // the old step's view is dropped: no listener left on the model
            willRun = null;
        }
        detail.getChildren().clear();
        if (step == null) {
            return;
        }
        Label heading = new Label(step.pathText() + (step.budget() == null ? "" : "  ·  budget " + step.budget())
                + (step.budget() == null && step.groupBudget() != null ? "  ·  group budget " + step.groupBudget()
                : ""));
        heading.getStyleClass().add("step-title");
        heading.setId("step-heading");
        heading.setWrapText(true);
        detail.getChildren().add(heading);
        if (!step.description().isBlank()) {
            Label description = new Label(step.description());
            description.setWrapText(true);
            detail.getChildren().add(description);
        }
        detail.getChildren().addAll(kinds.of(step));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(4);
        int row = 0;
        List<Step> runs = model.walk().runs(step);
        List<org.incidentconsole.runbook.Placeholder> shownPlaceholders = runs.isEmpty() ? step.placeholders()
                : runs.stream().flatMap(r -> r.placeholders().stream()).toList(); // a choice: the chosen one's
        for (String name : shownPlaceholders.stream().map(p -> p.kind() == org.incidentconsole.runbook.Placeholder
                .Kind.VARIABLE ? p.name() : p.token()).distinct().toList()) {
            TextField field = new TextField(model.values().getOrDefault(name, ""));
            field.setId("var-" + name);
            field.textProperty().addListener((obs, old, now) -> model.setValue(name, now));
            field.focusedProperty().addListener((obs, was, now) -> {
                if (!now) {
                    model.commitValue(name); // journaled on commit, never per keystroke
                }
            });
            field.setOnAction(e -> model.commitValue(name));
            form.addRow(row++, new Label(name), field);
        }
        if (row > 0) {
            detail.getChildren().add(form);
        }
        detail.getChildren().addAll(InputsPane.of(step, model));
        detail.getChildren().addAll(SuggestionsPane.of(step, model, () -> show(model.selectedProperty().get())));
        for (CodeBlock block : step.shellBlocks()) {
            TextArea script = new TextArea(block.script());
            script.setEditable(false);
            script.getStyleClass().add("script");
            script.setPrefRowCount(Math.min(8, (int) block.script().lines().count() + 1));
            detail.getChildren().add(script);
        }
        if (!step.shellBlocks().isEmpty()) {
            Label willRunLabel = new Label("Will run:");
            willRun = new TextArea();
            willRun.setId("will-run");
            willRun.setEditable(false);
            willRun.getStyleClass().add("script");
            willRun.setPrefRowCount(Math.min(8, (int) step.shellBlocks().stream()
                    .mapToLong(b -> b.script().lines().count() + 1).sum()));
            willRun.textProperty().bind(model.willRunProperty());
            detail.getChildren().addAll(willRunLabel, willRun);
        }
        for (Danger d : step.dangers()) {
            Label badge = new Label("⚠ DANGER: " + d.reason() + " — " + d.command());
            badge.getStyleClass().add("danger-badge");
            badge.setWrapText(true);
            detail.getChildren().add(badge);
        }
        for (ChecklistItem item : step.checklist()) {
            CheckBox box = new CheckBox(label(step, item));
            box.setWrapText(true);
            box.setId("check-" + item.line());
            box.setSelected(model.isTicked(step, item));
            box.setOnAction(e -> {
                boolean wanted = box.isSelected();
                box.setSelected(!wanted); // shown once it is on disk
                ensureIncident.accept(() -> {
                    box.setDisable(true);
                    model.tick(step, item, wanted).whenComplete((v, err) ->
                            javafx.application.Platform.runLater(() -> {
                                box.setDisable(false);
                                box.setSelected(err == null ? wanted : !wanted);
                                box.setText(label(step, item));
                                box.requestFocus();
                            }));
                });
            });
            detail.getChildren().add(box);
        }
    }

    /** The item's text, and who ticked it when: "Health endpoint returns 200   ✓ alice 14:03:12". */
    private String label(Step step, ChecklistItem item) {
        String by = model.tickedBy(step, item);
        return by == null ? item.text() : item.text() + "   ✓ " + by;
    }

    @FXML
    public void run() {
        Step step = model.selectedProperty().get();
        if (step != null && !runButton.isDisabled()) {
            ensureIncident.accept(() -> run(step));
        }
    }

    @FXML
    public void cancel() {
        model.cancel();
    }

    // #19 keys (h19-keys): what Ctrl+O, Ctrl+L and Ctrl+F do in this region
    /** Ctrl+O: the list of shipped runbooks, opened; with none shipped, the file chooser. */
    public void openRunbook() {
        if (runbookChoice.getItems().isEmpty()) {
            openFile();
        } else {
            runbookChoice.requestFocus();
            runbookChoice.show();
        }
    }

    /** Ctrl+L: the note field, ready to type. */
    public void focusNote() {
        noteField.requestFocus();
    }

    /** Ctrl+F. A stub until the output search (h19-output) replaces it: focuses the output shown. */
    public void focusOutputSearch() {
        javafx.scene.control.Tab tab = outputTabs.getSelectionModel().getSelectedItem();
        if (tab != null && tab.getContent() != null) {
            tab.getContent().requestFocus();
        } else {
            outputTabs.requestFocus();
        }
    }

    private void run(Step step) {
        String typed = null;
        DangerConfirmation confirmation = model.dangerConfirmation(environment.get());
        if (confirmation != null) {
            typed = DangerDialog.ask(title.getScene().getWindow(), confirmation);
            steps.requestFocus(); // back to the step, whatever the answer
            if (typed == null) {
                return;
            }
        }
        model.run(typed);
    }
}
