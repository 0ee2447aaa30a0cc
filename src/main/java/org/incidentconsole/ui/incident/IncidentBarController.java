package org.incidentconsole.ui.incident;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.incidentconsole.incident.CommsCadence;
import org.incidentconsole.incident.IncidentStatus;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ui.common.ErrorPresenter;
import org.incidentconsole.ui.common.StateStyles;
import org.incidentconsole.ui.comms.CommsDialog;
import org.incidentconsole.ui.comms.CommsGateway;
import org.incidentconsole.ui.comms.CommsViewModel;

/** The incident bar's view; state and acts live in {@link IncidentBarViewModel}. */
public final class IncidentBarController {
    private final IncidentBarViewModel model;
    private final AskingIncidentGuard guard;
    private final Executor io;

    @FXML
    private HBox bar;
    @FXML
    private MenuButton severityChip;
    @FXML
    private MenuButton statusChip;
    @FXML
    private Label operatorLabel;
    @FXML
    private MenuButton incidentMenu;
    @FXML
    private Label title;
    @FXML
    private Label elapsed;
    @FXML
    private Label budget;
    @FXML
    private Label nextUpdate;
    @FXML
    private Label shareState;
    @FXML
    private Button approvalsButton;
    @FXML
    private Label message;
    @FXML
    private Button startButton;
    @FXML
    private Button commsButton;
    @FXML
    private Button exportButton;
    @FXML
    private Button resolveButton;

    private CommsGateway comms;
    private CommsDialog commsDialog;

    /** @param guard asks for an incident before an act that needs one (export, the advisor's severity) */
    public IncidentBarController(IncidentBarViewModel model, AskingIncidentGuard guard, Executor io) {
        this.model = model;
        this.guard = guard;
        this.io = io;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(model.titleProperty());
        elapsed.textProperty().bind(Bindings.createStringBinding(
                () -> model.elapsedProperty().get().isEmpty() ? "" : "elapsed " + model.elapsedProperty().get()
                        + (model.resolvedProperty().get() ? "  ·  RESOLVED" : ""),
                model.elapsedProperty(), model.resolvedProperty()));
        budget.textProperty().bind(model.budgetProperty());
        budget.visibleProperty().bind(model.budgetProperty().isNotEmpty());
        budget.managedProperty().bind(budget.visibleProperty());
        model.budgetLevelProperty().addListener((obs, old, now) -> {
            StateStyles.show(budget, StepClock.Level.class, now);
        });
        shareState.setVisible(false); // until the window shows a shared incident (showShare)
        shareState.setManaged(false);
        approvalsButton.setVisible(false);
        approvalsButton.setManaged(false);
        nextUpdate.textProperty().bind(model.nextUpdateProperty());
        nextUpdate.visibleProperty().bind(model.nextUpdateProperty().isNotEmpty());
        nextUpdate.managedProperty().bind(nextUpdate.visibleProperty());
        model.cadenceProperty().addListener((obs, old, now) -> {
            StateStyles.show(nextUpdate, CommsCadence.Level.class, now);
        });
        message.textProperty().bind(model.messageProperty());
        severityChip.textProperty().bind(Bindings.createStringBinding(
                () -> SeverityText.of(model.severityProperty().get()), model.severityProperty()));
        model.severityProperty().addListener((obs, old, now) -> {
            StateStyles.show(severityChip, Severity.class, now);
        });
        for (Severity s : Severity.values()) {
            MenuItem item = new MenuItem(SeverityText.withMeaning(s));
            item.setId("severity-" + s.name().toLowerCase(Locale.ROOT));
            item.setOnAction(e -> model.setSeverity(s, "set by the operator")
                    .whenComplete((v, err) -> failed("Severity not changed", err)));
            severityChip.getItems().add(item);
        }
        severityChip.visibleProperty().bind(model.activeProperty());
        severityChip.managedProperty().bind(severityChip.visibleProperty());
        statusChip.textProperty().bind(Bindings.createStringBinding(
                () -> model.statusProperty().get() == null ? "" : model.statusProperty().get().label(),
                model.statusProperty()));
        for (IncidentStatus s : IncidentStatus.values()) {
            if (s == IncidentStatus.RESOLVED) {
                continue; // Resolve… asks for the summary
            }
            MenuItem item = new MenuItem(s.label());
            item.setId("status-" + s.label());
            item.setOnAction(e -> model.setStatus(s).whenComplete((v, err) -> failed("Status not changed", err)));
            statusChip.getItems().add(item);
        }
        statusChip.visibleProperty().bind(model.activeProperty());
        statusChip.managedProperty().bind(statusChip.visibleProperty());
        statusChip.disableProperty().bind(model.resolvedProperty());
        operatorLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.activeProperty().get() ? "operator " + model.operatorProperty().get() : "",
                model.activeProperty(), model.operatorProperty()));
        incidentMenu.disableProperty().bind(model.activeProperty().not());
        menuItem("Edit details…", "edit-incident", this::edit);
        // the Postmortem pane: a menu item, so the bar keeps Export and Resolve in view at 1280 px
        menuItem("Postmortem…", "postmortem-item", () -> PostmortemDialog.show(window(),
                new PostmortemViewModel(model::session, model::operator)));
        menuItem("Hand over…", "hand-over", this::handOver);
        MenuItem reopen = menuItem("Reopen…", "reopen-incident", this::reopen);
        reopen.disableProperty().bind(model.resolvedProperty().not());
        // after Resolve the bar offers a new incident; acts on the resolved one are refused until Reopen
        startButton.visibleProperty().bind(model.activeProperty().not().or(model.resolvedProperty()));
        startButton.managedProperty().bind(startButton.visibleProperty());
        startButton.textProperty().bind(Bindings.when(model.resolvedProperty())
                .then("Start a new incident…").otherwise("Start or resume incident…"));
        commsButton.disableProperty().bind(model.activeProperty().not());
        resolveButton.disableProperty().bind(model.activeProperty().not().or(model.resolvedProperty()));
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    /** Where Comms… sends, copies and journals: the composition root's gateway (#21). */
    /** #22: shows whether the incident is shared, with whom, and whether the shared timeline is offline. */
    public void showShare(ShareBadge badge) {
        shareState.textProperty().bind(badge.textProperty());
        shareState.visibleProperty().bind(badge.textProperty().isNotEmpty());
        shareState.managedProperty().bind(shareState.visibleProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(badge.detailProperty());
        shareState.setTooltip(tip);
        badge.levelProperty().addListener((obs, old, now) -> StateStyles.show(shareState, ShareBadge.Level.class,
                now));
        approvalsButton.textProperty().bind(badge.approvalsProperty());
        approvalsButton.visibleProperty().bind(badge.approvalsProperty().isNotEmpty());
        approvalsButton.managedProperty().bind(approvalsButton.visibleProperty());
        approvalsButton.setOnAction(e -> badge.reviewApprovals());
        MenuItem commander = menuItem("Hand over incident commander…", "hand-over-commander",
                () -> handOverCommander(badge));
        commander.disableProperty().bind(badge.textProperty().isEmpty());
    }

    private void handOverCommander(ShareBadge badge) {
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Hand over the incident commander role");
        ask.setHeaderText("Who becomes incident commander? They must have the incident open (journaled).");
        ask.getDialogPane().setId("hand-over-commander-dialog");
        ask.getEditor().setId("hand-over-commander-to");
        ask.initOwner(window());
        ask.showAndWait().ifPresent(to -> badge.handOverCommander(to).whenComplete((said, err) -> {
            if (err == null) {
                Platform.runLater(() -> model.showMessage(said));
            } else {
                failed("The commander role was not handed over", err);
            }
        }));
    }

    public void useComms(CommsGateway gateway) {
        comms = gateway;
    }

    /** Comms… and Ctrl+Shift+M: the Comms window, once there is an incident (the same window while it is open). */
    @FXML
    public void openComms() {
        if (comms == null || !model.activeProperty().get()) {
            model.showMessage(comms == null ? "Comms are not set up in this window" : "Start an incident first");
            return;
        }
        if (commsDialog == null) {
            commsDialog = new CommsDialog(window(), new CommsViewModel(Platform::runLater, io, comms,
                    Clock.systemDefaultZone()));
        }
        commsDialog.show();
    }

    private MenuItem menuItem(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        incidentMenu.getItems().add(item);
        return item;
    }

    @FXML
    private void start() {
        if (model.resolvedProperty().get()) {
            guard.askForAnother(() -> { });
        } else {
            guard.withIncident(() -> { });
        }
    }

    /** Ctrl+N: the start-or-resume dialog, even while an incident is open (Cancel keeps it). */
    public void startIncident() {
        guard.askForAnother(() -> { });
    }

    @FXML
    public void export() {
        guard.withIncident(() -> model.export().whenComplete((report, err) -> Platform.runLater(() -> {
            if (err != null) {
                ErrorPresenter.show(window(), "The report could not be written", err);
            } else {
                ReportPreviewDialog.show(window(), report, io);
            }
        })));
    }

    private void edit() {
        IncidentDetails now = model.details();
        if (now != null) {
            EditIncidentDialog.ask(window(), now).ifPresent(d -> model.edit(d)
                    .whenComplete((v, err) -> failed("The incident was not edited", err)));
        }
    }

    private void handOver() {
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Hand the incident over");
        ask.setHeaderText("Who takes over from " + model.operator() + "? They sign every act from now on.");
        ask.getDialogPane().setId("hand-over-dialog");
        ask.getEditor().setId("hand-over-to");
        ask.initOwner(window());
        ask.showAndWait().ifPresent(to -> model.handOver(to).whenComplete((v, err) -> failed("Not handed over", err)));
    }

    private void reopen() {
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Reopen the incident");
        ask.setHeaderText("Why is it reopened? (journaled)");
        ask.getDialogPane().setId("reopen-dialog");
        ask.getEditor().setId("reopen-reason");
        ask.initOwner(window());
        ask.showAndWait().ifPresent(why -> model.reopen(why).whenComplete((v, err) -> failed("Not reopened", err)));
    }

    @FXML
    private void resolve() {
        String warning = model.resolveWarning();
        if (warning != null) {
            if (!ResolveCriticalDialog.of(warning, window()).ask()) {
                return;
            }
        }
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Resolve the incident");
        ask.setHeaderText("Resolve " + model.titleProperty().get() + "?\nOne line for the report: what fixed it.");
        ask.getDialogPane().setId("resolve-dialog");
        ask.getEditor().setId("resolve-summary");
        ask.initOwner(window());
        ask.showAndWait().ifPresent(summary -> model.resolve(summary)
                .whenComplete((v, err) -> failed("Not resolved", err)));
    }

    private void failed(String what, Throwable err) {
        if (err != null) {
            Platform.runLater(() -> ErrorPresenter.show(window(), what, err));
        }
    }

    private Window window() {
        return bar.getScene() == null ? null : bar.getScene().getWindow();
    }
}
