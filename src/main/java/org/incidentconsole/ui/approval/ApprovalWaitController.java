package org.incidentconsole.ui.approval;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** Binds approval_wait.fxml to its {@link ApprovalWaitViewModel}; no behaviour of its own. */
public final class ApprovalWaitController {
    private final ApprovalWaitViewModel model;
    @FXML
    private Label heading;
    @FXML
    private TextArea commands;
    @FXML
    private Label status;
    @FXML
    private HBox waiverRow;
    @FXML
    private TextField reason;
    @FXML
    private Button waiveButton;
    @FXML
    private Button beginWaiver;
    @FXML
    private Button cancel;

    public ApprovalWaitController(ApprovalWaitViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(model.headingProperty());
        commands.setText(model.commandsText());
        status.textProperty().bind(model.statusProperty());
        beginWaiver.visibleProperty().bind(model.commanderProperty().and(model.waivingProperty().not())
                .and(model.outcomeProperty().isNull()));
        beginWaiver.managedProperty().bind(beginWaiver.visibleProperty());
        waiverRow.visibleProperty().bind(model.commanderProperty().and(model.waivingProperty())
                .and(model.outcomeProperty().isNull()));
        waiverRow.managedProperty().bind(waiverRow.visibleProperty());
        reason.textProperty().bindBidirectional(model.reasonProperty());
        waiveButton.disableProperty().bind(model.waiveEnabledProperty().not());
        cancel.textProperty().bind(model.outcomeProperty().map(o -> "Close").orElse("Cancel"));
        model.outcomeProperty().addListener((obs, old, now) -> {
            if (now != null) {
                status.getStyleClass().add(now.allowsRun() ? "approval-ok" : "approval-refused");
            }
        });
    }

    @FXML
    private void beginWaiver() {
        model.beginWaiver();
        reason.requestFocus();
    }

    @FXML
    private void waive() {
        model.waive();
    }

    @FXML
    private void cancel() {
        model.cancel();
        cancel.getScene().getWindow().hide();
    }
}
