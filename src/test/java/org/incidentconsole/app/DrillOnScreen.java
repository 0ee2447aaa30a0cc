package org.incidentconsole.app;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.incidentconsole.drill.DrillEnvironment;

/** The console's real window on a fresh local drill, for the GUI tests; close() ends the services and the drill. */
final class DrillOnScreen implements AutoCloseable {
    private final DrillEnvironment drill;
    private final ConsoleServices services;

    private DrillOnScreen(DrillEnvironment drill, ConsoleServices services) {
        this.drill = drill;
        this.services = services;
    }

    /** Starts the drill ({@code fast}: the sandbox's sleep waits 1/100 of the time) and shows the window on it. */
    static DrillOnScreen open(Stage stage, Path home, boolean fast) throws Exception {
        DrillEnvironment drill = DrillEnvironment.start(fast);
        ConsoleServices services = ConsoleServices.forDrill(new AppHome(home), drill);
        ConsoleApplication.showWindow(stage, services, drill.inventory(), true);
        return new DrillOnScreen(drill, services);
    }

    DrillEnvironment drill() {
        return drill;
    }

    @Override
    public void close() {
        services.close();
        drill.close();
    }
}
