package org.incidentconsole.app;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.incidentconsole.drill.DrillEnvironment;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ui.common.FxSudoPasswordPrompt;

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
        ConsoleServices services = ConsoleServices.forDrill(new AppHome(home), drill,
                new FxSudoPasswordPrompt(() -> stage));
        MainWindowWiring.show(stage, services, drill.inventory(), true);
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

    /** The index of the step whose title starts with {@code title} (the list holds every heading with content). */
    static int indexOf(List<Step> steps, String title) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).title().startsWith(title)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no step " + title);
    }
}
