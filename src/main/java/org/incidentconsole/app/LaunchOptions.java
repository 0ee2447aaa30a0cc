package org.incidentconsole.app;

import java.nio.file.Path;

/** What the command line decided, handed to the JavaFX application. */
public record LaunchOptions(AppHome home, Path inventory, boolean inventoryGiven) {
}
