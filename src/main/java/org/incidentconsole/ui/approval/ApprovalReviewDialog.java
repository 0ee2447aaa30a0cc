package org.incidentconsole.ui.approval;

import javafx.stage.Stage;
import javafx.stage.Window;
import org.incidentconsole.ui.common.FxmlView;

/** Another operator's window on one request: read it, Approve, or Refuse with a reason. Build on the FX thread. */
public final class ApprovalReviewDialog {
    private final Stage stage;

    public ApprovalReviewDialog(Window owner, ApprovalReviewViewModel model) {
        this.stage = ApprovalStage.open(owner, "Approve a dangerous step — Incident Console",
                FxmlView.APPROVAL_REVIEW, ApprovalReviewController.class, () -> new ApprovalReviewController(model));
    }

    /** The review of the oldest request waiting for this operator, or null when none waits. */
    public static ApprovalReviewDialog ofOldest(Window owner, ApprovalsViewModel approvals) {
        ApprovalReviewViewModel review = approvals.reviewOldest();
        return review == null ? null : new ApprovalReviewDialog(owner, review);
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }
}
