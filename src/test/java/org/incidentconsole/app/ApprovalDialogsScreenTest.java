package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.incidentconsole.app.ApprovalConsoles.Console;
import org.incidentconsole.coordination.Role;
import org.incidentconsole.incident.IncidentEvent.ApprovalDecided;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.testing.TestRedis;
import org.incidentconsole.ui.approval.ApprovalOutcome;
import org.incidentconsole.ui.approval.ApprovalOutcome.Result;
import org.incidentconsole.ui.approval.ApprovalReviewDialog;
import org.incidentconsole.ui.approval.ApprovalWaitDialog;
import org.incidentconsole.ui.approval.ApprovalWaitViewModel;
import org.incidentconsole.ui.approval.ApprovalsViewModel;
import org.incidentconsole.ui.common.Theme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The approval dialogs as two operators use them, each over its own real {@link ApprovalService} on one real
 * redis-server: the requester's wait window and another operator's review window.
 */
@ExtendWith(ApplicationExtension.class)
class ApprovalDialogsScreenTest {
    private static final Duration SHOW_OUTCOME = Duration.ofSeconds(3);
    private static final Duration LONG = Duration.ofMinutes(5);
    private static TestRedis redis;
    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "approval-screen-io");
        t.setDaemon(true);
        return t;
    });
    @TempDir
    Path dir;
    private Stage stage;
    private ApprovalConsoles consoles;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = TestRedis.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @Start
    void start(Stage window) {
        FxScreen.forgetEarlierTestsExceptions();
        Scene scene = new Scene(new StackPane(), 1000, 700);
        Theme.DARK.apply(scene);
        window.setScene(scene);
        window.show();
        stage = window;
    }

    @AfterEach
    void close() throws Exception {
        io.shutdownNow();
        if (consoles != null) {
            consoles.close();
        }
    }

    /** Opens the requester's wait window on the FX thread; its outcome future. */
    private CompletableFuture<ApprovalOutcome> waitWindow(Console requester, AtomicReference<ApprovalWaitDialog> seen)
            throws Exception {
        CompletableFuture<CompletableFuture<ApprovalOutcome>> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                ApprovalWaitDialog dialog = new ApprovalWaitDialog(stage, new ApprovalWaitViewModel(Platform::runLater,
                        io, requester.service(), Clock.systemDefaultZone(), ApprovalConsoles.step(),
                        ApprovalConsoles.HOSTS, ApprovalConsoles.COMMANDS), SHOW_OUTCOME);
                seen.set(dialog);
                shown.complete(dialog.show());
            } catch (Exception e) {
                shown.completeExceptionally(e);
            }
        });
        return shown.get(30, TimeUnit.SECONDS);
    }

    @Test
    void ola_asks_jana_approves_in_her_review_window_and_olas_window_shows_approved_and_closes(FxRobot robot)
            throws Exception {
        consoles = new ApprovalConsoles(redis, dir);
        Console jana = consoles.join("Jana", Role.INCIDENT_COMMANDER, LONG);
        Console ola = consoles.join("Ola", Role.OPERATOR, LONG);
        AtomicReference<ApprovalWaitDialog> wait = new AtomicReference<>();

        CompletableFuture<ApprovalOutcome> outcome = waitWindow(ola, wait);
        waitFor(30, () -> textNow(robot, "#approval-heading").matches("Waiting for a second operator to approve "
                + "Step 5: Restart php-fpm on web-01, web-02 — expires \\d\\d:\\d\\d:\\d\\d"));
        assertThat(textNow(robot, "#approval-commands")).isEqualTo("sudo systemctl restart php-fpm");
        assertThat(robot.lookup("#approval-begin-waiver").query().isVisible()).as("Ola is no commander").isFalse();

        ApprovalsViewModel janas = new ApprovalsViewModel(Platform::runLater, io, jana.service(),
                Clock.systemDefaultZone());
        janas.refresh();
        waitFor(30, () -> "1 approval waiting".equals(janas.labelProperty().get()));
        robot.interact(() -> ApprovalReviewDialog.ofOldest(stage, janas).show());
        waitFor(30, () -> "Ola".equals(textNow(robot, "#review-requester")));
        assertThat(textNow(robot, "#review-hosts")).isEqualTo("web-01, web-02");
        assertThat(textNow(robot, "#review-step")).isEqualTo("Step 5: Restart php-fpm");
        assertThat(textNow(robot, "#review-commands")).isEqualTo("sudo systemctl restart php-fpm");
        assertThat(robot.lookup("#review-refuse").queryButton().isDisabled()).as("no reason typed").isTrue();

        clickWhenVisible(robot, "#review-approve");
        String approved = "Jana approved Ola's Step 5: Restart php-fpm on web-01, web-02.";
        waitFor(30, () -> approved.equals(textNow(robot, "#review-message")));
        waitFor(30, () -> approved.equals(textNow(robot, "#approval-status")));
        waitFor(30, () -> !wait.get().stage().isShowing());

        assertThat(outcome.get(30, TimeUnit.SECONDS).result()).isEqualTo(Result.APPROVED);
        assertThat(ola.events(ApprovalDecided.class)).extracting(ApprovalDecided::verdict, ApprovalDecided::decidedBy)
                .containsExactly(tuple("approved", "Jana"));
    }

    @Test
    void the_commander_alone_is_told_so_and_waives_with_a_typed_reason(FxRobot robot) throws Exception {
        consoles = new ApprovalConsoles(redis, dir);
        Console jana = consoles.join("Jana", Role.INCIDENT_COMMANDER, LONG);
        AtomicReference<ApprovalWaitDialog> wait = new AtomicReference<>();

        CompletableFuture<ApprovalOutcome> outcome = waitWindow(jana, wait);
        waitFor(30, () -> textNow(robot, "#approval-status").equals(ApprovalOutcome.NO_SECOND_OPERATOR_SENTENCE));
        clickWhenVisible(robot, "#approval-begin-waiver");
        assertThat(robot.lookup("#approval-waive").queryButton().isDisabled()).as("no reason yet").isTrue();
        clickWhenVisible(robot, "#approval-waive-reason");
        robot.write("site down, nobody else on call");
        waitFor(30, () -> !robot.lookup("#approval-waive").queryButton().isDisabled());
        clickWhenVisible(robot, "#approval-waive");

        waitFor(30, () -> textNow(robot, "#approval-status").equals("Jana, incident commander, waived the approval "
                + "of Jana's Step 5: Restart php-fpm on web-01, web-02: site down, nobody else on call"));
        waitFor(30, () -> !wait.get().stage().isShowing());
        assertThat(outcome.get(30, TimeUnit.SECONDS).allowsRun()).isTrue();
        assertThat(jana.events(ApprovalDecided.class)).singleElement().extracting(ApprovalDecided::reason)
                .isEqualTo("site down, nobody else on call");
        assertThat(List.of(jana.service().presence().commander())).containsExactly(true);
    }
}
