package org.incidentconsole.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.InventoryLoader;
import org.incidentconsole.ssh.HostKeyPrompt;
import org.incidentconsole.ssh.HostKeyStore;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SshAuth;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.SshSettings;

/** The composition root's services, built by constructor wiring; no singletons. */
public final class ConsoleServices implements AutoCloseable {
    private final AppHome home;
    private final AppExecutors executors = new AppExecutors();
    private final InventoryLoader inventoryLoader;
    private final SshConnections ssh;

    /**
     * @param userHome the user's home: ~/.ssh/known_hosts is read (never written), ~/.ssh/id_* are default keys
     * @param env      the process environment (SSH_AUTH_SOCK)
     */
    public ConsoleServices(AppHome home, Path userHome, Map<String, String> env, HostKeyPrompt hostKeys,
                           PassphrasePrompt passphrases) {
        this.home = home;
        this.inventoryLoader = new InventoryLoader(userHome);
        Path sshDir = userHome.resolve(".ssh");
        String agent = env.get("SSH_AUTH_SOCK");
        this.ssh = new SshConnections(SshSettings.defaults(),
                new HostKeyStore(sshDir.resolve("known_hosts"), home.knownHosts()),
                new SshAuth(agent == null || agent.isBlank() ? null : Path.of(agent), sshDir, passphrases),
                hostKeys, executors.io(), executors.scheduler());
    }

    public AppHome home() {
        return home;
    }

    public SshConnections ssh() {
        return ssh;
    }

    /** Reads the inventory off the FX thread. Completes with null when the file does not exist. */
    public CompletableFuture<Inventory> loadInventory(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            if (!Files.exists(file)) {
                return null;
            }
            try {
                return inventoryLoader.load(file);
            } catch (org.incidentconsole.inventory.InventoryException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, executors.io());
    }

    @Override
    public void close() {
        ssh.close();
        executors.close();
    }
}
