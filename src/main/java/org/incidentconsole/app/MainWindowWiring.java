package org.incidentconsole.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.incidentconsole.breaker.ActionResult;
import org.incidentconsole.breaker.BreakerCommand;
import org.incidentconsole.health.SeverityAdvisor;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.incident.VariableDefaults;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.NotifySettings;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ui.MainWindowController;
import org.incidentconsole.ui.ShortcutBindings;
import org.incidentconsole.ui.approval.ApprovalGate;
import org.incidentconsole.ui.breakers.BreakerPanelController;
import org.incidentconsole.ui.breakers.BreakerPanelViewModel;
import org.incidentconsole.ui.common.DialogSizes;
import org.incidentconsole.ui.common.ErrorPresenter;
import org.incidentconsole.ui.common.FxSecretPrompt;
import org.incidentconsole.ui.common.FxmlView;
import org.incidentconsole.ui.common.Theme;
import org.incidentconsole.ui.common.ViewLoader;
import org.incidentconsole.ui.common.WindowPrefs;
import org.incidentconsole.ui.health.HealthPanelController;
import org.incidentconsole.ui.health.HealthPanelViewModel;
import org.incidentconsole.ui.hosts.HostListViewModel;
import org.incidentconsole.ui.incident.AskingIncidentGuard;
import org.incidentconsole.ui.incident.IncidentBarController;
import org.incidentconsole.ui.incident.IncidentBarViewModel;
import org.incidentconsole.ui.incident.ShareBadge;
import org.incidentconsole.ui.incident.StartIncidentPrompt;
import org.incidentconsole.ui.incident.StepPosition;
import org.incidentconsole.ui.inventory.InventoryProblemsViewModel;
import org.incidentconsole.ui.runbook.StepperController;
import org.incidentconsole.ui.runbook.StepperViewModel;
import org.incidentconsole.ui.timeline.TimelineController;
import org.incidentconsole.ui.timeline.TimelineViewModel;
import org.incidentconsole.ui.trend.TrendMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window, wired: the view models over the console's services, one controller per FXML pane, the
 * window-wide shortcuts, then the inventory read in the background and fed to the panes. To add a pane: build its
 * view model below, register its controller in {@link #controllers()}, feed it in {@link #showInventory}. A
 * window-wide action is one line in {@link #installShortcuts}. An act that is journaled goes through
 * {@link #guard} (asks for an incident first).
 */
public final class MainWindowWiring {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindowWiring.class);
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** The window's view models, for whoever feeds or inspects them (the FX-load benchmark). */
    public record WindowModels(HostListViewModel hosts, HealthPanelViewModel health, BreakerPanelViewModel breakers) {
    }

    private final Stage stage;
    private final ConsoleServices services;
    private final Path inventoryFile;
    private final WindowInventory inventory = new WindowInventory();

    private final HostListViewModel hosts = new HostListViewModel(Platform::runLater);
    private final HealthPanelViewModel health = new HealthPanelViewModel(Platform::runLater);
    private final BreakerPanelViewModel breakers = new BreakerPanelViewModel(Platform::runLater);
    private final InventoryProblemsViewModel problems = new InventoryProblemsViewModel();
    private final IncidentBarViewModel bar;
    private final AskingIncidentGuard guard;
    private final StepperViewModel stepper;
    private final TimelineViewModel timeline;
    private final TrendMarkers trendMarks;
    /** The status line: the current incident's journal file, when the panels last refreshed. */
    private final SimpleStringProperty journalText = new SimpleStringProperty("journal: none yet (start an incident)");
    private final SimpleStringProperty refreshedText = new SimpleStringProperty("");
    private final ShareBadge shareBadge = new ShareBadge(Platform::runLater);

    private final MainWindowController mainView;
    private final IncidentBarController barView;
    private final StepperController stepperView;

    private MainWindowWiring(Stage stage, ConsoleServices services, Path inventoryFile) {
        this.stage = stage;
        this.services = services;
        this.inventoryFile = inventoryFile;
        String operator = IncidentStore.defaultOperator();
        WindowIncidents incidents = new WindowIncidents(services.incidents(), inventory, health::criticalChecks,
                this::resumed);
        bar = new IncidentBarViewModel(Platform::runLater, services.io(), incidents, Clock.systemUTC(), operator);
        guard = new AskingIncidentGuard(bar, new StartIncidentPrompt(() -> stage, inventory::environment,
                health::latestSuggestion, bar::operator), Platform::runLater);
        StepRunner runner = new StepRunner(services.ssh(), new Redactor(), services.io(), services.sudo());
        stepper = new StepperViewModel(Platform::runLater, services.io(), this::journal, runner,
                inventory::hosts, hosts::selectedHosts, this::firstSuggestion, operator, Clock.systemUTC(),
                hosts.runBlockedProperty());
        timeline = new TimelineViewModel(Platform::runLater, services.io());
        services.incidents().onIncident(timeline::follow);
        // #22 a shared incident: published, followed, others' events in the timeline, who is there on the bar
        WindowShare share = new WindowShare(inventory::current, new CoordinationConnector(services.ssh(),
                services.environment()), runner, services.io(), services.scheduler(), shareBadge, timeline::others,
                () -> stage);
        stepper.runs().setApproval(new ApprovalGate(share::approvals, () -> stage, Platform::runLater,
                services.io(), Clock.systemDefaultZone()));
        services.closeFirst(share);
        services.incidents().onIncident(share::incident);
        incidents.joinThrough(share);
        shareBadge.use(share);
        stepper.runningProperty().addListener((obs, was, running) -> {
            Step step = stepper.selectedProperty().get();
            share.doing(running && step != null ? step.pathText() : null, running
                    ? hosts.selectedHosts().stream().map(Host::name).toList() : List.of());
        });
        // one set of step and rollback marks for the health and breaker trends
        trendMarks = health.trendMarkers();
        breakers.useTrendMarkers(trendMarks);
        stepper.runningProperty().addListener((obs, was, running) -> {
            if (running) {
                trendMarks.step(Instant.now());
            }
        });
        stepper.stepClockProperty().addListener((obs, old, now) -> bar.setStepClock(now));
        // the title changes whenever another incident is started or resumed: show that one's journal
        bar.titleProperty().addListener((obs, old, now) -> {
            IncidentSession current = services.incidents().current();
            journalText.set(current == null ? "" : "journal: " + current.journalFile());
        });
        ObservableValue<StepPosition> position = Bindings.createObjectBinding(stepper::position,
                stepper.selectedProperty(), stepper.steps());
        mainView = new MainWindowController(hosts, inventoryFile, services.home().logFile(), services.io(),
                journalText, refreshedText);
        mainView.checkAllHostsWith(() -> inventory.current() == null ? null
                : new PreflightInWindow(services, inventory.current()));
        barView = new IncidentBarController(bar, guard, services.io());
        services.askCommsSecretsWith(new FxSecretPrompt(() -> stage));
        barView.useComms(new WindowComms(inventory::comms, services.comms(inventory::comms), bar, position,
                services.panelJournal(), services.incidents()::current));
        inventory.onChange(inv -> Platform.runLater(() -> bar.setUpdateEvery(inv == null
                ? NotifySettings.DEFAULT_UPDATE_EVERY : inv.comms().updateEvery())));
        stepperView = new StepperController(stepper, ShippedRunbooks.list(), inventory::environment, guard,
                bar::note);
    }

    /**
     * Shows the main window on {@code stage} (keeping a scene it already has) and reads the inventory in the
     * background.
     *
     * @param connectAll connect every host once the inventory is read (the drill does)
     */
    public static WindowModels show(Stage stage, ConsoleServices services, Path inventory, boolean connectAll) {
        MainWindowWiring window = new MainWindowWiring(stage, services, inventory);
        window.show();
        window.readInventory(connectAll);
        return new WindowModels(window.hosts, window.health, window.breakers);
    }

    /** Every controller the FXML names, one line per pane. */
    private Map<Class<?>, Supplier<?>> controllers() {
        return Map.of(
                MainWindowController.class, () -> mainView,
                IncidentBarController.class, () -> barView,
                StepperController.class, () -> stepperView,
                TimelineController.class, () -> new TimelineController(timeline),
                HealthPanelController.class, () -> new HealthPanelController(health, this::applySuggestion),
                BreakerPanelController.class, () -> new BreakerPanelController(breakers, this::breakerCommand,
                        guard, services.io()));
    }

    private void installShortcuts(Scene scene) {
        mainView.showInventoryProblems(problems);
        ShortcutBindings.install(scene, KeyActions.of(stepperView, barView, mainView, problems));
    }

    private void show() {
        Parent root = new ViewLoader(controllers()).load(FxmlView.MAIN_WINDOW);
        barView.showShare(shareBadge);
        // the drill's placeholder scene is kept: a new scene on a maximized window leaves it laid out at the old size
        Scene scene = stage.getScene() != null ? stage.getScene() : new Scene(root);
        scene.setRoot(root);
        DialogSizes.install();
        Theme.DARK.apply(scene);
        installShortcuts(scene);
        stage.setOnCloseRequest(e -> {
            if (stepper.runningProperty().get() && !CloseGuard.confirm(stage)) {
                e.consume();
            }
        });
        stage.setTitle("Incident Console");
        WindowIcon.setOn(stage);
        stage.setScene(scene);
        WindowPrefs prefs = MainWindowPlacement.size(stage, services.home().windowPrefs());
        MainWindowPlacement.remember(stage, mainView, prefs, services.home().windowPrefs());
        stage.show();
        FirstFrame.watch();
    }

    /** Reads the inventory in the background (and again on Reload); the live panels start on what it lists. */
    private void readInventory(boolean connectAll) {
        new LiveInventory(services, inventoryFile, inventory, new LiveInventory.Views(hosts, health, breakers,
                problems, this::refreshed, this::advice), connectAll).load();
    }

    /** The advisor's reading: shown, and the rollback marked on the trends when it happens. */
    private void advice(SeverityAdvisor.Advice advice) {
        health.advice(advice);
        IncidentSession incident = services.incidents().current();
        trendMarks.rolledBack(incident == null ? null : incident.id(), incident != null
                && incident.state().milestones().contains("ROLLED_BACK"), Instant.now());
    }

    private void refreshed(String what) {
        String text = "last refresh: " + what + " " + HH_MM_SS.format(Instant.now());
        Platform.runLater(() -> refreshedText.set(text));
    }

    /** Where a step's or a breaker action's records go (off the FX thread); see IncidentService#currentOrStart. */
    private IncidentSession journal() {
        return services.incidents().currentOrStart(inventory.binding(), bar.operator());
    }

    private ActionResult breakerCommand(String source, BreakerCommand command, String service) throws Exception {
        return services.breakerActions().run(source, command, service, journal());
    }

    /** The health panel's Apply: the advisor's severity, journaled with its reason. */
    private void applySuggestion(Severity severity, String reason) {
        guard.withIncident(() -> bar.setSeverity(severity, reason).whenComplete((v, err) -> {
            if (err != null) {
                Platform.runLater(() -> ErrorPresenter.show(stage, "Severity not changed", err));
            }
        }));
    }

    /** A suggestion command run on the first host: its first choice (blocking). */
    private String firstSuggestion(String command) {
        return inventory.hosts().isEmpty() ? null
                : VariableDefaults.firstChoice(services.ssh(), inventory.hosts().get(0), command);
    }

    /** A resumed incident reopens its journaled runbook in the stepper, exactly where it was (off the FX thread). */
    private void resumed(IncidentSession session) {
        stepper.resume(session.state());
    }
}
