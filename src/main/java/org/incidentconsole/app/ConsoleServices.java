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
        this(home, userHome, new HostKeyStore(userHome.resolve(".ssh").resolve("known_hosts"), home.knownHosts()),
                new SshAuth(agentSocket(env), userHome.resolve(".ssh"), passphrases), hostKeys);
    }

    private ConsoleServices(AppHome home, Path userHome, HostKeyStore keys, SshAuth auth, HostKeyPrompt hostKeys) {
        this.home = home;
        this.inventoryLoader = new InventoryLoader(userHome);
        this.ssh = new SshConnections(SshSettings.defaults(), keys, auth, hostKeys, executors.io(),
                executors.scheduler());
    }

    /** Services for the drill: its own known_hosts (the host key is pinned, never asked), its own key. */
    public static ConsoleServices forDrill(AppHome home, org.incidentconsole.drill.DrillEnvironment drill) {
        return new ConsoleServices(home, Path.of(System.getProperty("user.home")),
                new HostKeyStore(null, drill.knownHosts()), new SshAuth(null, drill.root(), PassphrasePrompt.NONE),
                HostKeyPrompt.REFUSE_ALL);
    }

    private static Path agentSocket(Map<String, String> env) {
        String agent = env.get("SSH_AUTH_SOCK");
        return agent == null || agent.isBlank() ? null : Path.of(agent);
    }

    public java.util.concurrent.ExecutorService io() {
        return executors.io();
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
