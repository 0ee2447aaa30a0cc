package org.incidentconsole.ui.approval;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Binds approval_review.fxml to its {@link ApprovalReviewViewModel}; no behaviour of its own. */
public final class ApprovalReviewController {
    private final ApprovalReviewViewModel model;
    @FXML
    private Label heading;
    @FXML
    private Label step;
    @FXML
    private Label hosts;
    @FXML
    private Label requester;
    @FXML
    private TextArea commands;
    @FXML
    private TextField reason;
    @FXML
    private Label message;
    @FXML
    private Button approve;
    @FXML
    private Button refuse;

    public ApprovalReviewController(ApprovalReviewViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        heading.setText(model.heading());
        step.setText(model.step());
        hosts.setText(model.hosts());
        requester.setText(model.requester());
        commands.setText(model.commands());
        reason.textProperty().bindBidirectional(model.reasonProperty());
        reason.disableProperty().bind(model.decidedProperty());
        message.textProperty().bind(model.messageProperty());
        approve.disableProperty().bind(model.approveEnabledProperty().not());
        refuse.disableProperty().bind(model.refuseEnabledProperty().not());
    }

    @FXML
    private void approve() {
        model.approve();
    }

    @FXML
    private void refuse() {
        model.refuse();
    }

    @FXML
    private void close() {
        approve.getScene().getWindow().hide();
    }
}
