package org.incidentconsole.ui.hosts;

import java.util.concurrent.Executor;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.incidentconsole.ssh.ConnectionState;
import org.incidentconsole.ui.common.StateStyles;
import org.incidentconsole.ui.common.StyleClasses;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** A host row: state light, name and state, user@address and tags, the state's reason, and Connect below. */
public final class HostCell extends ListCell<HostItemViewModel> {
    private final FontIcon dot = new FontIcon(MaterialDesignC.CIRCLE);
    private final Label name = new Label();
    private final Label stateLabel = new Label();
    private final Label detail = new Label();
    private final Label reason = new Label();
    private final Button connect = new Button("Connect");
    private final Button disconnect = new Button("Disconnect");
    private final Hyperlink settings = new Hyperlink("SSH settings");
    private final CheckBox runOn = new CheckBox("Run steps here");
    private final Label health = new Label();
    private final Executor io;
    private final HBox root;
    private final ChangeListener<ConnectionState> onState = (obs, old, now) -> showState(now);
    private HostItemViewModel shown;

    /** @param io where Disconnect runs (closing a transport can wait on the network) */
    public HostCell(Executor io) {
        this.io = io;
        dot.getStyleClass().add(StyleClasses.STATE_DOT);
        name.getStyleClass().add(StyleClasses.HOST_NAME);
        stateLabel.getStyleClass().add(StyleClasses.STATE_LABEL);
        detail.getStyleClass().add(StyleClasses.HOST_DETAIL);
        reason.getStyleClass().add(StyleClasses.HOST_REASON);
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE); // wrap onto more lines, never cut the reason
        reason.visibleProperty().bind(reason.textProperty().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
        connect.setMinWidth(Region.USE_PREF_SIZE);
        HBox title = new HBox(8, name, stateLabel);
        title.setAlignment(Pos.BASELINE_LEFT);
        health.getStyleClass().add(StyleClasses.HOST_DETAIL);
        health.visibleProperty().bind(health.textProperty().isNotEmpty());
        health.managedProperty().bind(health.visibleProperty());
        disconnect.setMinWidth(Region.USE_PREF_SIZE);
        disconnect.visibleProperty().bind(connect.disabledProperty());
        disconnect.managedProperty().bind(disconnect.visibleProperty());
        // the buttons wrap under each other in a narrow column rather than being cut off
        FlowPane actions = new FlowPane(8, 4, connect, disconnect);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setMinWidth(0);
        actions.setPrefWrapLength(0);
        runOn.setMinWidth(Region.USE_PREF_SIZE);
        // the settings link has a row of its own: in the buttons' flow it made the card's height depend on how they wrap
        VBox text = new VBox(3, title, detail, health, reason, actions, runOn, settings);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        root = new HBox(10, dot, text);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add(StyleClasses.HOST_CELL);
        connect.setOnAction(e -> {
            if (shown != null) {
                shown.connect();
            }
        });
        settings.setOnAction(e -> {
            if (shown != null) {
                HostSettingsDialog.show(getScene().getWindow(), shown, this.io);
            }
        });
        disconnect.setOnAction(e -> {
            if (shown != null) {
                shown.disconnect(this.io);
            }
        });
        setText(null);
        setPrefWidth(0); // follow the list's width instead of widening it: the Connect button stays in view
    }

    /**
     * The card's height at the width the list gives it: a Labeled measures its graphic without a width, so a reason
     * that wraps onto more lines would not be counted and the card would run over the next one.
     */
    @Override
    protected double computePrefHeight(double width) {
        if (shown == null || width <= 0) {
            return super.computePrefHeight(width);
        }
        double inner = width - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + root.prefHeight(inner) + snappedBottomInset();
    }

    @Override
    protected void updateItem(HostItemViewModel item, boolean empty) {
        super.updateItem(item, empty);
        if (shown != null) {
            shown.stateProperty().removeListener(onState);
            reason.textProperty().unbind();
            connect.disableProperty().unbind();
            health.textProperty().unbind();
            runOn.selectedProperty().unbindBidirectional(shown.runOnProperty());
        }
        shown = empty ? null : item;
        if (shown == null) {
            setGraphic(null);
            return;
        }
        name.setText(item.name());
        detail.setText(item.detail());
        reason.textProperty().bind(item.reasonProperty());
        connect.disableProperty().bind(item.connectableProperty().not());
        connect.setId("connect-" + item.name());
        disconnect.setId("disconnect-" + item.name());
        settings.setId("ssh-settings-" + item.name());
        health.textProperty().bind(item.healthProperty());
        health.setId("health-" + item.name());
        runOn.selectedProperty().bindBidirectional(item.runOnProperty());
        runOn.setId("run-on-" + item.name());
        stateLabel.setId("state-" + item.name());
        reason.setId("reason-" + item.name());
        item.stateProperty().addListener(onState);
        showState(item.stateProperty().get());
        setGraphic(root);
    }

    private void showState(ConnectionState state) {
        StateStyles.show(dot, ConnectionState.class, state);
        StateStyles.show(stateLabel, ConnectionState.class, state);
        stateLabel.setText(HostItemViewModel.label(state));
        setTooltip(new Tooltip(shown.name() + ": " + HostItemViewModel.label(state)
                + (reason.getText().isEmpty() ? "" : "\n" + reason.getText())));
    }
}
