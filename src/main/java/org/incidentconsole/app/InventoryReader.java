package org.incidentconsole.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.InventoryException;
import org.incidentconsole.inventory.InventoryLoader;

/** Reads the inventory off the FX thread. */
public final class InventoryReader {
    private final InventoryLoader loader;
    private final Executor io;

    /** @param userHome where {@code ~} in the inventory's key paths points */
    public InventoryReader(Path userHome, Executor io) {
        this.loader = new InventoryLoader(userHome);
        this.io = io;
    }

    /** Completes with the inventory, with null when the file does not exist, or with its InventoryException. */
    public CompletableFuture<Inventory> load(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            if (!Files.exists(file)) {
                return null;
            }
            try {
                return loader.load(file);
            } catch (InventoryException e) {
                throw new CompletionException(e);
            }
        }, io);
    }
}
