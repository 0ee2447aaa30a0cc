package org.incidentconsole.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.incidentconsole.ui.MainWindowController;
import org.incidentconsole.ui.common.FxHostKeyPrompt;
import org.incidentconsole.ui.common.FxPassphrasePrompt;
import org.incidentconsole.ui.common.FxmlView;
import org.incidentconsole.ui.common.Theme;
import org.incidentconsole.ui.trend.TrendMarkers;
import org.incidentconsole.ui.common.WindowPrefs;
import org.incidentconsole.ui.common.ViewLoader;
import org.incidentconsole.ui.breakers.BreakerPanelController;
import org.incidentconsole.ui.breakers.BreakerPanelViewModel;
import org.incidentconsole.ui.health.HealthPanelController;
import org.incidentconsole.ui.health.HealthPanelViewModel;
import org.incidentconsole.ui.hosts.HostListViewModel;
import org.incidentconsole.ui.incident.IncidentBarController;
import org.incidentconsole.ui.incident.IncidentBarViewModel;
import org.incidentconsole.ui.incident.IncidentGateway;
import org.incidentconsole.ui.runbook.StepperController;
import org.incidentconsole.ui.runbook.StepperViewModel;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.redact.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: builds the services and the main window, and closes everything on exit. */
public final class ConsoleApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApplication.class);
    /** Set by the packaged app's launcher to the runbooks folder inside the installation. */
    static final String RUNBOOKS_PROPERTY = "incident-console.runbooks";
    private static volatile LaunchOptions options;

    private ConsoleServices services;
    private volatile org.incidentconsole.drill.DrillEnvironment drill;

    /** Closing journals and transports after the window went away; joined before the JVM is told to exit. */
    private static volatile Thread closing;

    static void launch(LaunchOptions launchOptions) {
        options = launchOptions;
        Application.launch(ConsoleApplication.class);
        Thread t = closing;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions o = options;
        LOG.info("Incident Console starting; data directory {}", o.home().dir());
        LayoutReport.installIfAsked();
        if (!java.nio.file.Files.exists(o.inventory()) && !o.inventoryGiven()) {
            startDrill(stage, o);
            return;
        }
        services = new ConsoleServices(o.home(), Path.of(System.getProperty("user.home")), System.getenv(),
                new FxHostKeyPrompt(() -> stage), new FxPassphrasePrompt(() -> stage));
        showWindow(stage, services, o.inventory());
    }

    /** No inventory: the console opens on the local drill, started off the FX thread, and connects to it. */
    private void startDrill(Stage stage, LaunchOptions o) {
        javafx.scene.control.Label starting = new javafx.scene.control.Label("No inventory at " + o.inventory()
                + ".\nStarting the local drill: a sandbox with a broken deploy, not production…");
        starting.setWrapText(true);
        javafx.scene.layout.StackPane pane = new javafx.scene.layout.StackPane(starting);
        pane.setPrefSize(1280, 800);
        Scene placeholder = new Scene(pane);
        WindowPrefsFile.load(o.home().windowPrefs()).theme().apply(placeholder);
        stage.setTitle("Incident Console — DRILL");
        setIcon(stage);
        stage.setScene(placeholder);
        MainWindowPlacement.size(stage, o.home().windowPrefs());
        stage.show();
        Thread starter = new Thread(() -> {
            try {
                org.incidentconsole.drill.DrillEnvironment d = org.incidentconsole.drill.DrillEnvironment.start(false);
                drill = d;
                Runtime.getRuntime().addShutdownHook(new Thread(d::close, "drill-cleanup"));
                ConsoleServices drillServices = ConsoleServices.forDrill(o.home(), d);
                Platform.runLater(() -> {
                    services = drillServices;
                    showWindow(stage, drillServices, d.inventory(), true);
                });
            } catch (Exception e) {
                LOG.error("The drill could not start", e);
                Platform.runLater(() -> {
                    services = new ConsoleServices(o.home(), Path.of(System.getProperty("user.home")),
                            System.getenv(), new FxHostKeyPrompt(() -> stage), new FxPassphrasePrompt(() -> stage));
                    showWindow(stage, services, o.inventory());
                });
            }
        }, "drill-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Shows the main window on {@code stage} and loads the inventory in the background. */
    public static WindowModels showWindow(Stage stage, ConsoleServices services, Path inventory) {
        return showWindow(stage, services, inventory, false);
    }

    /** The window's view models, for whoever feeds or inspects them (the FX-load benchmark). */
    public record WindowModels(HostListViewModel hosts, HealthPanelViewModel health, BreakerPanelViewModel breakers) {
    }

    /** @param connectAll connect every host once the inventory is loaded (the drill does) */
    public static WindowModels showWindow(Stage stage, ConsoleServices services, Path inventory, boolean connectAll) {
        HostListViewModel hosts = new HostListViewModel(Platform::runLater);
        HealthPanelViewModel health = new HealthPanelViewModel(Platform::runLater);
        BreakerPanelViewModel breakers = new BreakerPanelViewModel(Platform::runLater);
        CompletableFuture<Void> inventorySettled = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicReference<org.incidentconsole.inventory.Inventory> loaded =
                new java.util.concurrent.atomic.AtomicReference<>();
        Supplier<String> environment = () -> loaded.get() == null ? "production" : loaded.get().environment().label();
        Supplier<java.util.List<org.incidentconsole.inventory.Host>> inventoryHosts = () -> loaded.get() == null
                ? java.util.List.of() : loaded.get().hosts();
        Supplier<org.incidentconsole.incident.IncidentBinding> binding = () -> loaded.get() == null
                ? new org.incidentconsole.incident.IncidentBinding(environment.get(), null, null)
                : org.incidentconsole.incident.IncidentBinding.of(environment.get(),
                String.valueOf(loaded.get().source().getFileName()),
                loaded.get().hosts().stream().map(org.incidentconsole.inventory.Host::name).toList());
        // a resumed incident reopens its journaled runbook in the stepper, exactly where it was
        java.util.concurrent.atomic.AtomicReference<StepperViewModel> stepperRef =
                new java.util.concurrent.atomic.AtomicReference<>();
        // incidents are bound to the environment: none is started, resumed or listed before the inventory is known
        Supplier<org.incidentconsole.incident.IncidentBinding> settledBinding = () -> {
            try {
                inventorySettled.get(2, java.util.concurrent.TimeUnit.MINUTES);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the inventory is still loading; try again once the hosts are listed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the inventory loaded");
            }
            return binding.get();
        };
        IncidentGateway gateway = gateway(services, environment, settledBinding, health,
                resumed -> stepperRef.get().resume(resumed.state()));
        IncidentBarViewModel barModel = new IncidentBarViewModel(Platform::runLater, services.io(), gateway,
                java.time.Clock.systemUTC(), org.incidentconsole.incident.IncidentStore.defaultOperator());
        StepperViewModel stepper = new StepperViewModel(Platform::runLater, services.io(),
                () -> services.incident(binding.get(), barModel.operator()),
                new StepRunner(services.ssh(), new Redactor(), services.io(),
                        services.sudo(new org.incidentconsole.ui.common.FxSudoPasswordPrompt(() -> stage))),
                inventoryHosts, hosts::selectedHosts,
                command -> inventoryHosts.get().isEmpty() ? null
                        : services.firstSuggestion(inventoryHosts.get().get(0), command),
                org.incidentconsole.incident.IncidentStore.defaultOperator(), java.time.Clock.systemUTC(),
                hosts.runBlockedProperty());
        stepperRef.set(stepper);
        TrendMarkers marks = health.trendMarkers(); // #19 trends: one set of step and rollback marks for both panels
        breakers.useTrendMarkers(marks);
        stepper.runningProperty().addListener((obs, was, running) -> {
            if (running) {
                marks.step(java.time.Instant.now());
            }
        });
        stepper.stepClockProperty().addListener((obs, old, now) -> barModel.setStepClock(now));
        IncidentBarController bar = new IncidentBarController(barModel, environment,
                health::latestSuggestion, stepper::position, services.io());
        bar.onCommsCopied((kind, text) -> services.io().execute(() -> services.panelJournal()
                .commsCopied(kind, text)));
        StepperController stepperView = new StepperController(stepper, shippedRunbooks(), environment,
                bar::ensureIncident, barModel::note);
        javafx.beans.property.SimpleStringProperty journal = new javafx.beans.property.SimpleStringProperty(
                "journal: none yet (start an incident)");
        // the title changes whenever another incident is started or resumed: show that one's journal
        barModel.titleProperty().addListener((obs, old, now) -> {
            var current = services.currentIncident();
            journal.set(current == null ? "" : "journal: " + current.journalFile());
        });
        javafx.beans.property.SimpleStringProperty refreshed = new javafx.beans.property.SimpleStringProperty("");
        MainWindowController main = new MainWindowController(hosts, inventory, services.home().logFile(), services.io(),
                journal, refreshed);
        Map<Class<?>, Supplier<?>> controllers = Map.of(
                MainWindowController.class, () -> main,
                IncidentBarController.class, () -> bar,
                HealthPanelController.class, () -> new HealthPanelController(health, bar::applySuggestion),
                BreakerPanelController.class, () -> new BreakerPanelController(breakers,
                        (source, action, service) -> services.breakerAction(source, action, service,
                                environment.get()), bar::ensureIncident, services.io()),
                StepperController.class, () -> stepperView);
        Parent root = new ViewLoader(controllers).load(FxmlView.MAIN_WINDOW);
        // the drill's placeholder scene is kept: a new scene on a maximized window leaves it laid out at the old size
        Scene scene = stage.getScene() != null ? stage.getScene() : new Scene(root);
        scene.setRoot(root);
        org.incidentconsole.ui.common.DialogSizes.install();
        Theme.DARK.apply(scene);
        Shortcuts.install(scene, stepperView::run, stepperView::cancel, bar::export, main::showShortcutsNow);
        stage.setOnCloseRequest(e -> {
            if (stepper.runningProperty().get() && !CloseGuard.confirm(stage)) {
                e.consume();
            }
        });
        stage.setTitle("Incident Console");
        setIcon(stage);
        stage.setScene(scene);
        WindowPrefs prefs = MainWindowPlacement.size(stage, services.home().windowPrefs());
        MainWindowPlacement.remember(stage, main, prefs, services.home().windowPrefs());
        stage.show();
        FirstFrame.watch();
        java.time.format.DateTimeFormatter hhmmss = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(java.time.ZoneId.systemDefault());
        java.util.function.Consumer<String> refreshedAt = what -> {
            String text = "last refresh: " + what + " " + hhmmss.format(java.time.Instant.now());
            Platform.runLater(() -> refreshed.set(text));
        };
        services.loadInventory(inventory).whenComplete((inv, error) -> {
            if (error == null && inv != null) {
                loaded.set(inv);
            }
            inventorySettled.complete(null);
        }).whenComplete((inv, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                LOG.warn("Inventory not loaded: {}", cause.getMessage());
                hosts.showProblem("The inventory could not be read:\n" + cause.getMessage());
            } else if (inv == null) {
                hosts.showProblem("No inventory at " + inventory + ".\nCopy inventory.example.yaml from the "
                        + "Incident Console repository there and edit it, or start with --inventory PATH.");
            } else {
                hosts.showInventory(inv, services.ssh()::connection);
                if (connectAll) {
                    hosts.connectAll();
                }
                services.startPanels(inv, r -> {
                    health.result(r);
                    hosts.healthResult(r);
                    refreshedAt.accept("health");
                }, p -> {
                    breakers.panel(p);
                    refreshedAt.accept("breakers");
                }, advice -> {
                    health.advice(advice);
                    var incident = services.currentIncident(); // #19 trends: mark the rollback when it happens
                    marks.rolledBack(incident == null ? null : incident.id(), incident != null
                            && incident.state().milestones().contains("ROLLED_BACK"), java.time.Instant.now());
                });
            }
        }));
        return new WindowModels(hosts, health, breakers);
    }

    /** @param onResumed called with a resumed incident once it is current (off the FX thread) */
    private static IncidentGateway gateway(ConsoleServices services, Supplier<String> environment,
                                           Supplier<org.incidentconsole.incident.IncidentBinding> binding,
                                           HealthPanelViewModel health,
                                           java.util.function.Consumer<org.incidentconsole.incident.IncidentSession>
                                                   onResumed) {
        return new IncidentGateway() {
            @Override
            public org.incidentconsole.incident.IncidentSession current() {
                return services.currentIncident();
            }

            @Override
            public org.incidentconsole.incident.IncidentSession start(String title, String trigger,
                    org.incidentconsole.incident.Severity severity, String operator) throws Exception {
                return services.startIncident(title, trigger, severity, binding.get(), operator);
            }

            @Override
            public org.incidentconsole.incident.IncidentSession resume(String id, String operator) throws Exception {
                org.incidentconsole.incident.IncidentSession resumed =
                        services.resumeIncident(id, binding.get(), operator);
                onResumed.accept(resumed);
                return resumed;
            }

            @Override
            public java.util.List<org.incidentconsole.incident.IncidentStore.Candidate> candidates()
                    throws Exception {
                return services.incidentCandidates(binding.get());
            }

            @Override
            public java.util.List<String> criticalChecks() {
                return health.criticalChecks();
            }

            @Override
            public ReportExport export() {
                ConsoleServices.Report r = services.writeReport(environment.get());
                String id = services.currentIncident().id();
                String date = java.time.LocalDate.now().toString();
                return new ReportExport(r.markdown(), r.file(), id + "-" + date + ".md");
            }
        };
    }

    /** The installers' icon, for the task bar and window switcher; decoded once (the drill's stage comes twice). */
    private static void setIcon(Stage stage) {
        java.net.URL icon = ConsoleApplication.class.getResource("/icons/incident-console.png");
        if (icon != null && stage.getIcons().isEmpty()) {
            stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
        }
    }

    /**
     * The shipped runbooks, for the stepper's chooser: the folder the installed app names in the system property
     * {@value #RUNBOOKS_PROPERTY} (its launcher sets it), else runbooks/ where the console was started.
     */
    static java.util.List<Path> shippedRunbooks() {
        Path dir = Path.of(System.getProperty(RUNBOOKS_PROPERTY, "runbooks"));
        if (!java.nio.file.Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        } catch (java.io.IOException e) {
            return java.util.List.of();
        }
    }

    @Override
    public void stop() {
        // journals flush and transports close off the FX thread; a non-daemon thread keeps the JVM until done
        ConsoleServices closingServices = services;
        org.incidentconsole.drill.DrillEnvironment closingDrill = drill;
        Thread closer = new Thread(() -> {
            if (closingServices != null) {
                closingServices.close();
            }
            if (closingDrill != null) {
                closingDrill.close();
            }
        }, "console-shutdown");
        closer.setDaemon(false);
        closing = closer;
        closer.start();
    }
}
