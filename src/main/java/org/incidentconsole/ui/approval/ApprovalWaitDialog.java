package org.incidentconsole.ui.approval;

import static javafx.util.Duration.millis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javafx.animation.PauseTransition;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.incidentconsole.ui.common.FxmlView;

/**
 * The requester's window while a second operator is asked: what will run where and until when, Cancel, and for
 * the incident commander "Waive with reason…". It shows the outcome, then closes by itself. Build on the FX thread.
 */
public final class ApprovalWaitDialog {
    /** How long the outcome stays on screen before the window closes. */
    public static final Duration SHOW_OUTCOME = Duration.ofSeconds(2);
    private final Stage stage;
    private final ApprovalWaitViewModel model;

    public ApprovalWaitDialog(Window owner, ApprovalWaitViewModel model, Duration showOutcome) {
        this.model = model;
        this.stage = ApprovalStage.open(owner, "Approval — Incident Console", FxmlView.APPROVAL_WAIT,
                ApprovalWaitController.class, () -> new ApprovalWaitController(model));
        stage.setOnCloseRequest(e -> model.cancel());
        model.outcomeProperty().addListener((obs, old, now) -> {
            if (now != null && stage.isShowing()) {
                PauseTransition pause = new PauseTransition(millis(showOutcome.toMillis()));
                pause.setOnFinished(e -> stage.close());
                pause.play();
            }
        });
    }

    /** Asks and shows the window; the future completes with the outcome (the step runs only if it allows it). */
    public CompletableFuture<ApprovalOutcome> show() {
        stage.show();
        model.start();
        return model.result();
    }

    /** The window, for a test to find. */
    public Stage stage() {
        return stage;
    }
}
