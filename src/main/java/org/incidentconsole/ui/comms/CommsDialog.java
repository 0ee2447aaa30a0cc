package org.incidentconsole.ui.comms;

import org.incidentconsole.report.CommsTemplate;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.incidentconsole.notify.StatusPhase;
import org.incidentconsole.ui.common.DialogSizes;
import org.incidentconsole.ui.common.StyleClasses;

/**
 * The Comms window (Ctrl+Shift+M): template → subject and text → channels → Preview → Send, then one row per
 * channel following its delivery, with Cancel on a pending retry. Not modal: the incident goes on while messages
 * are delivered, and closing it leaves them under way; opened again, it shows the same message and rows. Keyboard:
 * Tab goes through every control (out of the text too), Alt+S or Ctrl+Enter sends, Esc closes. Build on the FX
 * thread.
 */
public final class CommsDialog {
    private static final ButtonType PREVIEW = new ButtonType("_Preview", ButtonBar.ButtonData.LEFT);
    private static final ButtonType COPY = new ButtonType("_Copy", ButtonBar.ButtonData.LEFT);
    private static final ButtonType SEND = new ButtonType("_Send", ButtonBar.ButtonData.OTHER);
    private static final KeyCombination SEND_KEYS = new KeyCodeCombination(KeyCode.ENTER,
            KeyCombination.SHORTCUT_DOWN);

    private final CommsViewModel model;
    private final Dialog<Void> dialog = new Dialog<>();
    private final ToggleGroup templates = new ToggleGroup();
    private final VBox channelBoxes = new VBox(6);
    private final DeliveryRows rows;
    private final ChoiceBox<StatusPhase> phase = new ChoiceBox<>();
    private final Timeline ticker;
    private final Window owner;

    public CommsDialog(Window owner, CommsViewModel model) {
        this.model = model;
        this.owner = owner;
        this.rows = new DeliveryRows(model::cancel);
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        dialog.setTitle("Comms — Incident Console");
        dialog.initModality(Modality.NONE);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setId("comms-dialog");
        dialog.getDialogPane().setContent(content());
        buttons();
        ticker.setCycleCount(Timeline.INDEFINITE);
        dialog.setOnShown(e -> ticker.play());
        dialog.setOnHidden(e -> ticker.stop());
        DialogSizes.install();
    }

    /** Shows the window (or brings it forward) in the console's theme, and reads the channels again. */
    public void show() {
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        model.open();
        if (dialog.isShowing()) {
            Window w = dialog.getDialogPane().getScene().getWindow();
            w.requestFocus();
            return;
        }
        dialog.show();
        if (templates.getSelectedToggle() instanceof Node selected) {
            selected.requestFocus();
        }
    }

    /** The dialog, for a test to find its window. */
    public Dialog<Void> dialog() {
        return dialog;
    }

    private VBox content() {
        HBox choices = new HBox(4);
        for (CommsTemplate t : CommsTemplate.values()) {
            ToggleButton b = new ToggleButton(t.label());
            b.setId("comms-template-" + t.word());
            b.setUserData(t);
            b.setToggleGroup(templates);
            choices.getChildren().add(b);
        }
        select(model.templateProperty().get());
        model.templateProperty().addListener((obs, old, now) -> select(now));
        templates.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                templates.selectToggle(old); // one template is always chosen
            } else {
                model.templateProperty().set((CommsTemplate) now.getUserData());
            }
        });
        TextField subject = new TextField();
        subject.setId("comms-subject");
        subject.setPromptText("Subject (e-mail subject, card title)");
        subject.textProperty().bindBidirectional(model.subjectProperty());
        TextArea text = new TextArea();
        text.setId("comms-text");
        text.setWrapText(true);
        text.setPrefRowCount(8);
        text.setPrefColumnCount(58);
        text.setPromptText("The message");
        text.textProperty().bindBidirectional(model.textProperty());
        tabLeaves(text);

        phase.setId("comms-phase");
        phase.getItems().setAll(StatusPhase.values());
        phase.setConverter(new PhaseWords());
        phase.valueProperty().bindBidirectional(model.phaseProperty());
        phase.disableProperty().bind(model.statusPageChosenProperty().not());
        model.channels().addListener((ListChangeListener<ChannelRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    channels();
                    return;
                }
            }
        });
        channels();
        ScrollPane channelScroll = new ScrollPane(channelBoxes);
        channelScroll.setFitToWidth(true);
        channelScroll.setPrefViewportHeight(150);
        channelScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox channelColumn = new VBox(6, heading("Channels"), channelScroll);
        channelColumn.setMinWidth(Region.USE_PREF_SIZE); // the text gives way, never a channel's name
        VBox.setVgrow(channelScroll, Priority.ALWAYS);
        VBox textColumn = new VBox(6, heading("Message"), subject, text);
        VBox.setVgrow(text, Priority.ALWAYS);
        HBox.setHgrow(textColumn, Priority.ALWAYS);
        HBox compose = new HBox(12, textColumn, channelColumn);

        TextArea preview = new TextArea();
        preview.setId("comms-preview");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.setPrefRowCount(6);
        preview.getStyleClass().add(StyleClasses.SCRIPT);
        preview.setPromptText("Preview shows what each ticked channel will be sent, secrets masked.");
        preview.textProperty().bind(model.previewProperty());
        tabLeaves(preview);

        Label deliveryHeading = heading("Delivery");
        deliveryHeading.visibleProperty().bind(Bindings.isNotEmpty(model.deliveries()));
        deliveryHeading.managedProperty().bind(deliveryHeading.visibleProperty());
        model.deliveries().addListener((ListChangeListener<DeliveryRow>) c -> {
            rows.show(model.deliveries());
            DialogSizes.refit(dialog);
        });

        Label message = new Label();
        message.setId("comms-message");
        message.setWrapText(true);
        message.getStyleClass().add(StyleClasses.COMMS_MESSAGE);
        message.textProperty().bind(model.messageProperty());

        VBox content = new VBox(8, heading("Template"), choices, compose, heading("Preview"), preview,
                deliveryHeading, rows.node(), message);
        content.setPrefWidth(920);
        content.setPadding(new Insets(12, 16, 0, 16));
        return content;
    }

    private void select(CommsTemplate t) {
        templates.getToggles().stream().filter(b -> b.getUserData() == t).findFirst()
                .ifPresent(templates::selectToggle);
    }

    /** One check box per channel, its kind in words; the status page with its phase beside it. */
    private void channels() {
        channelBoxes.getChildren().clear();
        for (ChannelRow row : model.channels()) {
            CheckBox box = new CheckBox(row.choice().label());
            box.setMinWidth(Region.USE_PREF_SIZE);
            box.setId("comms-channel-" + idPart(row.name()));
            box.selectedProperty().bindBidirectional(row.selectedProperty());
            channelBoxes.getChildren().add(row.choice().isStatusPage()
                    ? new VBox(4, box, phaseRow()) : box);
        }
        if (model.channels().isEmpty()) {
            channelBoxes.getChildren().add(new Label("none in the inventory"));
        }
    }

    private HBox phaseRow() {
        Label label = new Label("phase");
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setLabelFor(phase);
        HBox row = new HBox(6, label, phase);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(0, 0, 0, 24));
        return row;
    }

    private void buttons() {
        dialog.getDialogPane().getButtonTypes().addAll(PREVIEW, COPY, SEND, ButtonType.CLOSE);
        Button preview = button(PREVIEW, "comms-preview-button", model::preview);
        preview.setTooltip(new Tooltip("Show what each ticked channel will be sent"));
        Button copy = button(COPY, "comms-copy", () -> {
            String text = model.copy();
            if (text != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(text);
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
        copy.setTooltip(new Tooltip("Copy the text to the clipboard instead of sending (journaled)"));
        Button send = button(SEND, "comms-send", model::send);
        send.setDefaultButton(false);
        send.disableProperty().bind(model.canSendProperty().not());
        send.setTooltip(new Tooltip("Send to the ticked channels (Ctrl+Enter); needs a channel and a text"));
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SEND_KEYS.match(e)) {
                e.consume();
                if (!send.isDisabled()) {
                    send.fire();
                }
            }
        });
    }

    private Button button(ButtonType type, String id, Runnable action) {
        Button b = (Button) dialog.getDialogPane().lookupButton(type);
        b.setId(id);
        b.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open
            action.run();
        });
        return b;
    }

    /** Tab leaves a text area as it leaves a field (Ctrl+Tab is the area's own way): no tab is typed into a message. */
    private static void tabLeaves(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                area.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), e.getEventType(), e.getCharacter(),
                        e.getText(), e.getCode(), e.isShiftDown(), true, e.isAltDown(), e.isMetaDown()));
            }
        });
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.STEP_TITLE);
        return l;
    }

    /** A channel's name as part of a node id: letters, digits, '-' and '_' kept, anything else '-'. */
    static String idPart(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static final class PhaseWords extends StringConverter<StatusPhase> {
        @Override
        public String toString(StatusPhase p) {
            return p == null ? "" : p.label();
        }

        @Override
        public StatusPhase fromString(String s) {
            return StatusPhase.valueOf(s.toUpperCase(Locale.ROOT));
        }
    }
}
