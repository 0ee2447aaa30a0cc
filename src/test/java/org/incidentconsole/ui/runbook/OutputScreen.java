package org.incidentconsole.ui.runbook;

import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.incidentconsole.ui.common.Theme;

/**
 * The stepper alone in a window with the app's stylesheets, over a real SSH server (MINA) and a real journal, with
 * a runbook whose steps print many lines, print a value, and watch a log that the test appends to. Ctrl+F is bound
 * to {@link StepperController#focusOutputSearch()} as the window binds it.
 */
final class OutputScreen {
    static final String RUNBOOK = """
            ---
            variables:
              word: {default: first}
            ---
            # Output drill

            ## Count (1 minute)
            ```bash
            seq 1 200
            ```

            ## Say (1 minute)
            ```bash
            echo said {{word}}
            ```

            ## Watch the log (1 minute)
            ```bash
            tail -f %s
            ```
            """;

    private OutputScreen() {
    }

    static WalkScreen open(Stage stage, Path dir) throws Exception {
        return WalkScreen.open(stage, dir, "output.md", RUNBOOK, "worker started\n", (scene, controller) -> {
            Theme.DARK.apply(scene);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                    controller::focusOutputSearch);
        });
    }
}
