package org.incidentconsole.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.incidentconsole.drill.DrillEnvironment;
import org.incidentconsole.ui.common.FxHostKeyPrompt;
import org.incidentconsole.ui.common.FxPassphrasePrompt;
import org.incidentconsole.ui.common.FxSudoPasswordPrompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: builds the console's services once (for the inventory, or for the local drill when
 * there is none), shows the main window ({@link MainWindowWiring}), and closes everything off the FX thread.
 */
public final class ConsoleApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApplication.class);
    private static volatile LaunchOptions options;

    /** Closing journals and transports after the window went away; joined before the JVM is told to exit. */
    private static volatile Thread closing;

    private volatile ConsoleServices services;
    private volatile DrillEnvironment drill;

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
        if (o.joinDrill() != null) {
            services = ConsoleServices.forJoinedDrill(o.home(), o.joinDrill(), new FxSudoPasswordPrompt(() -> stage));
            MainWindowWiring.show(stage, services, o.joinDrill().inventory(), true);
            stage.setTitle("Incident Console — DRILL (second window)");
        } else if (!Files.exists(o.inventory()) && !o.inventoryGiven()) {
            startDrill(stage, o);
        } else {
            showInventoryWindow(stage, o);
        }
    }

    /** The services for the operator's own hosts: host keys, passphrases and sudo passwords asked over the window. */
    private void showInventoryWindow(Stage stage, LaunchOptions o) {
        services = new ConsoleServices(o.home(), Path.of(System.getProperty("user.home")), System.getenv(),
                new FxHostKeyPrompt(() -> stage), new FxPassphrasePrompt(() -> stage),
                new FxSudoPasswordPrompt(() -> stage));
        MainWindowWiring.show(stage, services, o.inventory(), false);
    }

    /** No inventory: the console opens on the local drill, started off the FX thread, and connects to it. */
    private void startDrill(Stage stage, LaunchOptions o) {
        Label starting = new Label("No inventory at " + o.inventory()
                + ".\nStarting the local drill: a sandbox with a broken deploy, not production…");
        starting.setWrapText(true);
        StackPane pane = new StackPane(starting);
        pane.setPrefSize(1280, 800);
        Scene placeholder = new Scene(pane);
        WindowPrefsFile.load(o.home().windowPrefs()).theme().apply(placeholder);
        stage.setTitle("Incident Console — DRILL");
        WindowIcon.setOn(stage);
        stage.setScene(placeholder);
        MainWindowPlacement.size(stage, o.home().windowPrefs());
        stage.show();
        Thread starter = new Thread(() -> {
            try {
                DrillEnvironment d = DrillEnvironment.start(false);
                drill = d;
                Runtime.getRuntime().addShutdownHook(new Thread(d::close, "drill-cleanup"));
                ConsoleServices drillServices = ConsoleServices.forDrill(o.home(), d,
                        new FxSudoPasswordPrompt(() -> stage));
                Platform.runLater(() -> {
                    services = drillServices;
                    MainWindowWiring.show(stage, drillServices, d.inventory(), true);
                });
            } catch (Exception e) {
                LOG.error("The drill could not start", e);
                Platform.runLater(() -> showInventoryWindow(stage, o)); // says there is no inventory, and where
            }
        }, "drill-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public void stop() {
        // journals flush and transports close off the FX thread; a non-daemon thread keeps the JVM until done
        ConsoleServices closingServices = services;
        DrillEnvironment closingDrill = drill;
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
