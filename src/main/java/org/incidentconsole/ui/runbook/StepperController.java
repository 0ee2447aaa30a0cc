package org.incidentconsole.ui.runbook;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.runbook.ChecklistItem;
import org.incidentconsole.runbook.CodeBlock;
import org.incidentconsole.runbook.Danger;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ui.incident.IncidentGuard;
import org.incidentconsole.ui.runbook.output.OutputPane;
import org.incidentconsole.ui.runbook.output.OutputWindow;

/** The runbook stepper's view: it binds; state and rules live in {@link StepperViewModel} and its parts. */
public final class StepperController {
    private final StepperViewModel model;
    private final List<Path> runbooks;
    private final Supplier<String> environment;
    private final IncidentGuard guard;
    private final Function<String, CompletableFuture<Void>> note;

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
    private ChoiceBox<StepRunner.Mode> modeChoice;
    @FXML
    private VBox outputHolder;
    @FXML
    private TextField noteField;
    private KindPanes kinds;
    private OutputPane output;
    private OutputWindow outputWindow;

    /**
     * @param guard asks for an incident before an act that is journaled (open, run, tick, note)
     * @param note           journals a note for the timeline
     */
    public StepperController(StepperViewModel model, List<Path> runbooks, Supplier<String> environment,
                             IncidentGuard guard, Function<String, CompletableFuture<Void>> note) {
        this.model = model;
        this.runbooks = List.copyOf(runbooks);
        this.environment = environment;
        this.guard = guard;
        this.note = note;
    }

    @FXML
    private void initialize() {
        runbookChoice.getItems().setAll(runbooks);
        runbookChoice.setConverter(new StringConverter<>() {
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
        none.setTextAlignment(TextAlignment.CENTER);
        steps.setPlaceholder(none);
        steps.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Step step, boolean empty) {
                super.updateItem(step, empty);
                StepMark mark = empty || step == null ? null : model.marks().get(step.pathText());
                setText(empty || step == null ? null : (mark == null ? "" : mark.glyph() + " ") + step.title()
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
        runButton.disableProperty().bind(model.runs().runEnabledProperty().not());
        kinds = new KindPanes(model.walk(), guard::withIncident);
        model.walk().changes().addListener((obs, old, now) -> {
            steps.refresh();
            show(model.selectedProperty().get());
        });
        WalkBar.install(model, title, cancelButton, kinds);
        showRunBlocked();
        UnknownRunBar.install(model.unknownRuns(), runButton);
        showWarning();
        cancelButton.disableProperty().bind(model.runningProperty().not());
        model.marks().addListener((MapChangeListener<String, StepMark>) c -> steps.refresh());
        modeChoice.getItems().setAll(StepRunner.Mode.values());
        modeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(StepRunner.Mode m) {
                return m == null ? "" : m == StepRunner.Mode.PARALLEL ? "all at once" : "host by host";
            }

            @Override
            public StepRunner.Mode fromString(String text) {
                return null;
            }
        });
        modeChoice.valueProperty().bindBidirectional(modeProperty());
        modeChoice.disableProperty().bind(model.runningProperty());
        output = new OutputPane(model.outputs());
        VBox.setVgrow(output.node(), Priority.ALWAYS);
        outputHolder.getChildren().add(output.node());
        outputWindow = new OutputWindow(output, outputHolder, model.outputs().detachedProperty(),
                () -> title.getScene() == null ? null : title.getScene().getWindow());
        output.detachButton().setOnAction(e -> outputWindow.toggle());
    }

    /** Ctrl+F: the output's search bar, focused (in the output's own window when it is detached). */
    public void focusOutputSearch() {
        outputWindow.toFront();
        output.focusSearch();
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
        if (title.getParent() instanceof HBox row && row.getParent() instanceof Pane pane) {
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
        if (runButton.getParent() instanceof Pane pane) {
            pane.getChildren().add(pane.getChildren().indexOf(runButton) + 1, why);
        }
    }

    /** A bidirectional bridge: the model's mode is read-only outside, set through {@code setMode}. */
    private ObjectProperty<StepRunner.Mode> modeProperty() {
        SimpleObjectProperty<StepRunner.Mode> bridge = new SimpleObjectProperty<>(model.modeProperty().get());
        model.modeProperty().addListener((obs, old, now) -> bridge.set(now));
        bridge.addListener((obs, old, now) -> {
            if (now != null) {
                model.setMode(now);
            }
        });
        return bridge;
    }

    @FXML
    private void addNote() {
        String text = noteField.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        guard.withIncident(() -> {
            noteField.setDisable(true);
            note.apply(text).whenComplete((v, err) -> Platform.runLater(() -> {
                noteField.setDisable(false);
                if (err == null) {
                    noteField.clear();
                }
            }));
        });
    }

    @FXML
    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a runbook");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown", "*.md"));
        File file = chooser.showOpenDialog(title.getScene().getWindow());
        if (file != null) {
            guard.withIncident(() -> model.open(file.toPath()));
        }
    }

    @FXML
    private void open() {
        Path chosen = runbookChoice.getValue();
        if (chosen != null) {
            guard.withIncident(() -> model.open(chosen));
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
        for (String name : model.stepValues().fieldNames(step)) {
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
            detail.getChildren().add(checkBox(model.checklist().state(step, item), item));
        }
    }

    /** A checklist item's box: it shows the tick on disk; a click asks for the other state (see TickState). */
    private CheckBox checkBox(TickState state, ChecklistItem item) {
        CheckBox box = new CheckBox();
        box.setWrapText(true);
        box.setId("check-" + item.line());
        box.textProperty().bind(state.labelProperty());
        box.setSelected(state.checkedProperty().get());
        box.disableProperty().bind(state.busyProperty());
        ChangeListener<Boolean> shown = (obs, was, now) -> box.setSelected(now);
        ChangeListener<Boolean> written = (obs, was, now) -> {
            if (!now && box.getScene() != null) {
                box.requestFocus();
            }
        };
        box.getProperties().put(ChangeListener.class, List.of(shown, written)); // the box holds them, not the state
        state.checkedProperty().addListener(new WeakChangeListener<>(shown));
        state.busyProperty().addListener(new WeakChangeListener<>(written));
        box.setOnAction(e -> {
            boolean wanted = box.isSelected();
            box.setSelected(state.checkedProperty().get()); // shown once it is on disk
            guard.withIncident(() -> state.request(wanted));
        });
        return box;
    }

    @FXML
    public void run() {
        Step step = model.selectedProperty().get();
        if (step != null && !runButton.isDisabled()) {
            guard.withIncident(() -> run(step));
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
