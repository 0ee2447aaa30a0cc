package org.incidentconsole.app;

import java.nio.file.Path;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.InventoryException;
import org.incidentconsole.inventory.InventoryLoader;
import picocli.CommandLine.Option;

/** The {@code --inventory} option of the commands that read the console's inventory (a picocli mixin). */
final class InventoryOption {
    @Option(names = "--inventory", paramLabel = "FILE", description = "Inventory YAML file (default: as the window).")
    Path file;

    /** The file given, else the data directory's. */
    Path path(AppHome home) {
        return file != null ? file : home.inventory();
    }

    /** That file, read as the window reads it. */
    Inventory load(AppHome home) throws InventoryException {
        return new InventoryLoader(userHome()).load(path(home));
    }

    static Path userHome() {
        return Path.of(System.getProperty("user.home"));
    }
}
