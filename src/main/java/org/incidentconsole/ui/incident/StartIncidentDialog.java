package org.incidentconsole.ui.incident;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ui.common.StyleClasses;
import org.incidentconsole.ui.incident.AskingIncidentGuard.Choice;
import org.incidentconsole.ui.incident.AskingIncidentGuard.Resume;
import org.incidentconsole.ui.incident.AskingIncidentGuard.Start;

/**
 * Start a new incident (title, trigger, severity, operator) or resume an unfinished one of this environment and
 * inventory; the others are listed apart, greyed, with why they cannot be resumed here. Focus opens in Title.
 */
final class StartIncidentDialog {
    static final ButtonType START = new ButtonType("Start incident", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType RESUME = new ButtonType("Resume selected", ButtonBar.ButtonData.OTHER);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private StartIncidentDialog() {
    }

    static Optional<Choice> ask(Window owner, String environment, Severity suggested, String operator,
                                List<IncidentStore.Candidate> candidates) {
        List<IncidentStore.Summary> unfinished = candidates.stream().filter(IncidentStore.Candidate::resumable)
                .map(IncidentStore.Candidate::summary).toList();
        List<IncidentStore.Candidate> elsewhere = candidates.stream().filter(c -> !c.resumable()).toList();
        Dialog<Choice> dialog = new Dialog<>();
        dialog.setTitle("Incident");
        dialog.setHeaderText("Start an incident on " + environment.toUpperCase(Locale.ROOT)
                + (unfinished.isEmpty() ? "" : unfinished.stream().allMatch(IncidentStore.Summary::joinable)
                ? ", or join one another console shares" : ", or resume one that is not resolved"));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setId("start-incident-dialog");
        TextField title = new TextField();
        title.setId("incident-title");
        title.setPromptText("e.g. Checkout API returns 500 after deploy");
        TextField trigger = new TextField();
        trigger.setId("incident-trigger");
        trigger.setPromptText("what you saw: alert, error rate, customer report…");
        ComboBox<Severity> severity = new ComboBox<>();
        severity.setId("incident-severity");
        severity.getItems().setAll(Severity.values());
        severity.setValue(suggested == null ? Severity.P2 : suggested);
        severity.setCellFactory(l -> severityCell());
        severity.setButtonCell(severityCell());
        TextField who = new TextField(operator);
        who.setId("incident-operator");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Title"), title);
        form.addRow(1, new Label("Trigger"), trigger);
        form.addRow(2, new Label("Severity"), severity);
        form.addRow(3, new Label("Operator"), who);
        title.setPrefColumnCount(36);
        VBox content = new VBox(10, form);
        ListView<IncidentStore.Summary> open = new ListView<>();
        if (!unfinished.isEmpty()) {
            open.setId("unfinished-incidents");
            open.getItems().setAll(unfinished);
            fitRows(open, 6);
            open.setCellFactory(l -> new ListCell<>() {
                {
                    setPrefWidth(0); // as wide as the list: a long line ends in "…", no sideways scroll bar
                }

                @Override
                protected void updateItem(IncidentStore.Summary s, boolean empty) {
                    super.updateItem(s, empty);
                    setText(empty || s == null ? null : line(s));
                    setTooltip(empty || s == null ? null : new Tooltip(line(s)));
                }
            });
            content.getChildren().addAll(new Label("Not resolved yet:"), open);
        }
        if (!elsewhere.isEmpty()) {
            ListView<IncidentStore.Candidate> other = new ListView<>();
            other.setId("other-incidents");
            other.getItems().setAll(elsewhere);
            fitRows(other, 4);
            other.setMouseTransparent(true);
            other.setFocusTraversable(false);
            other.setCellFactory(l -> new ListCell<>() {
                {
                    setPrefWidth(0);
                }

                @Override
                protected void updateItem(IncidentStore.Candidate c, boolean empty) {
                    super.updateItem(c, empty);
                    setDisable(true);
                    setText(empty || c == null ? null : line(c.summary()) + " — " + c.refusal());
                }
            });
            other.getStyleClass().add(StyleClasses.GREYED);
            other.setOpacity(0.6);
            content.getChildren().addAll(new Label("Not resumable here:"), other);
        }
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(START, ButtonType.CANCEL);
        if (!unfinished.isEmpty()) {
            dialog.getDialogPane().getButtonTypes().add(1, RESUME);
            Button resume = (Button) dialog.getDialogPane().lookupButton(RESUME);
            resume.disableProperty().bind(open.getSelectionModel().selectedItemProperty().isNull());
            // #22: an incident another console shares is joined, not resumed
            resume.textProperty().bind(Bindings.createStringBinding(() -> {
                IncidentStore.Summary chosen = open.getSelectionModel().getSelectedItem();
                boolean join = chosen != null ? chosen.joinable()
                        : unfinished.stream().allMatch(IncidentStore.Summary::joinable);
                return join ? "Join selected" : RESUME.getText();
            }, open.getSelectionModel().selectedItemProperty()));
        }
        // after the dialog's own focus pass, which would otherwise leave the default button focused
        dialog.setOnShown(e -> Platform.runLater(title::requestFocus));
        dialog.setResultConverter(button -> {
            if (button == START) {
                String t = title.getText().isBlank() ? "Incident on " + environment : title.getText().strip();
                String tr = trigger.getText().isBlank() ? "not recorded yet" : trigger.getText().strip();
                String by = who.getText().isBlank() ? operator : who.getText().strip();
                return new Start(t, tr, severity.getValue(), by);
            }
            if (button == RESUME && open.getSelectionModel().getSelectedItem() != null) {
                String by = who.getText().isBlank() ? operator : who.getText().strip();
                return new Resume(open.getSelectionModel().getSelectedItem().id(), by);
            }
            return null;
        });
        return dialog.showAndWait();
    }

    /** Rows of one fixed height, up to {@code most} of them visible; nothing scrolls sideways over a row. */
    static final double ROW = 30;

    private static void fitRows(ListView<?> list, int most) {
        list.setFixedCellSize(ROW);
        double height = Math.min(most, list.getItems().size()) * ROW + 4;
        list.setPrefHeight(height);
        list.setMinHeight(height);
        list.setMaxHeight(height);
        list.setPrefWidth(560);
    }

    private static String line(IncidentStore.Summary s) {
        return (s.joinable() ? "⇄ " : "") + s.id() + " · " + (s.severity() == null ? "?" : s.severity()) + " · " + s.title()
                + (s.startedAt() == null ? "" : " · started " + WHEN.format(s.startedAt()))
                + (s.problem() == null ? "" : " · ⚠ " + s.problem()) + (s.joinable() ? " · join" : "");
    }

    static ListCell<Severity> severityCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : SeverityText.of(s));
            }
        };
    }
}
