package org.incidentconsole.app;

import java.nio.file.Path;
import org.incidentconsole.drill.RunningDrill;

/**
 * What the command line decided, handed to the JavaFX application. {@code joinDrill}: the running drill a second
 * window joins (#22 rehearsing a shared incident), null otherwise.
 */
public record LaunchOptions(AppHome home, Path inventory, boolean inventoryGiven, RunningDrill joinDrill) {
    public LaunchOptions(AppHome home, Path inventory, boolean inventoryGiven) {
        this(home, inventory, inventoryGiven, null);
    }
}
