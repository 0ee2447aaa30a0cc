package org.incidentconsole.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.incidentconsole.drill.DrillEnvironment;
import org.incidentconsole.drill.RunningDrill;
import org.incidentconsole.incident.PanelJournal;
import org.incidentconsole.inventory.NotifySettings;
import org.incidentconsole.notify.Courier;
import org.incidentconsole.notify.RetryPolicy;
import org.incidentconsole.notify.RetryingCourier;
import org.incidentconsole.notify.SecretPrompt;
import org.incidentconsole.notify.Senders;
import org.incidentconsole.notify.SessionSecrets;
import org.incidentconsole.notify.StatusPageSender;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.ssh.HostKeyPrompt;
import org.incidentconsole.ssh.HostKeyStore;
import org.incidentconsole.ssh.HostPaths;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SshAuth;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.SshSettings;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.ssh.SudoPasswords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: every long-lived service of the console, built here by constructor wiring (no singletons,
 * no work) and handed out by getters. {@link #close()} ends them in order; call it off the FX thread.
 */
public final class ConsoleServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServices.class);
    private final AppHome home;
    private final AppExecutors executors = new AppExecutors();
    private final SshConnections ssh;
    private final SudoPasswords sudo;
    private final InventoryReader inventories;
    private final IncidentService incidents;
    private final PanelJournal panelJournal;
    private final LivePanels panels;
    private final BreakerActionService breakerActions;
    private final HostKeyStore keys;
    private final SshAuth auth;
    private final HostPaths paths;
    private final SessionSecrets commsSecrets;
    private final Courier courier;
    private volatile SecretPrompt secretPrompt = SecretPrompt.NONE;
    private final Map<String, String> env;
    /** Closed first at close (a window's shared incident): they may still journal or talk to Redis. */
    private final List<AutoCloseable> closeFirst = new CopyOnWriteArrayList<>();

    /**
     * @param userHome the user's home: ~/.ssh/known_hosts is read (never written), ~/.ssh/id_* are default keys
     * @param env      the process environment (SSH_AUTH_SOCK, Redis passwords the inventory names)
     * @param sudo     asks for sudo passwords; they are held for the session and wiped at close
     */
    public ConsoleServices(AppHome home, Path userHome, Map<String, String> env, HostKeyPrompt hostKeys,
                           PassphrasePrompt passphrases, SudoPasswordPrompt sudo) {
        this(home, userHome, env, new HostKeyStore(userHome.resolve(".ssh").resolve("known_hosts"), home.knownHosts()),
                new SshAuth(agentSocket(env), userHome.resolve(".ssh"), passphrases), hostKeys,
                HostPaths.forUser(userHome), sudo);
    }

    /** Services for the drill: its own known_hosts (the host key is pinned, never asked), its own key. */
    public static ConsoleServices forDrill(AppHome home, DrillEnvironment drill, SudoPasswordPrompt sudo) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(drill.commsEnvironment());
        return new ConsoleServices(home, Path.of(System.getProperty("user.home")), env,
                new HostKeyStore(null, drill.knownHosts()), new SshAuth(null, drill.root(), PassphrasePrompt.NONE),
                HostKeyPrompt.REFUSE_ALL, HostPaths.withoutSshConfig(), sudo);
    }

    /**
     * Services for a second window on a drill another console runs (#22): that drill's pinned host key and client
     * key; its chat room's address stays with the first console (asked for if this one sends comms).
     */
    public static ConsoleServices forJoinedDrill(AppHome home, RunningDrill drill, SudoPasswordPrompt sudo) {
        return new ConsoleServices(home, Path.of(System.getProperty("user.home")), System.getenv(),
                new HostKeyStore(null, drill.knownHosts()), new SshAuth(null, drill.root(), PassphrasePrompt.NONE),
                HostKeyPrompt.REFUSE_ALL, HostPaths.withoutSshConfig(), sudo);
    }

    private ConsoleServices(AppHome home, Path userHome, Map<String, String> env, HostKeyStore keys, SshAuth auth,
                            HostKeyPrompt hostKeys, HostPaths paths, SudoPasswordPrompt sudo) {
        this.home = home;
        this.env = Map.copyOf(env);
        this.keys = keys;
        this.auth = auth;
        this.paths = paths;
        this.ssh = new SshConnections(SshSettings.defaults(), keys, auth, hostKeys, executors.io(),
                executors.scheduler(), paths);
        this.sudo = new SudoPasswords(sudo);
        this.inventories = new InventoryReader(userHome, executors.io());
        this.incidents = new IncidentService(home.dir(), Clock.systemUTC(), ZoneId.systemDefault());
        // the one path from the panels to the journal (the same class drill --run uses)
        this.panelJournal = new PanelJournal(incidents::current, new Redactor());
        this.panels = new LivePanels(ssh, executors, panelJournal, incidents::current, env);
        this.breakerActions = new BreakerActionService(panels, new Redactor(), executors.io());
        // comms secrets: the environment, else the window's prompt (held in memory until close)
        this.commsSecrets = new SessionSecrets(env, (channel, what, name) -> secretPrompt.ask(channel, what, name));
        this.courier = new RetryingCourier(executors.io(), executors.scheduler(), Clock.systemUTC(),
                RetryPolicy.defaults());
    }

    private static Path agentSocket(Map<String, String> env) {
        String agent = env.get("SSH_AUTH_SOCK");
        return agent == null || agent.isBlank() ? null : Path.of(agent);
    }

    /**
     * Connections of their own with this console's known_hosts, keys and ssh_config (Check all hosts): the live
     * ones are not touched. The caller closes them.
     */
    public SshConnections separateConnections(HostKeyPrompt prompt, ExecutorService io,
                                              ScheduledExecutorService scheduler) {
        return new SshConnections(SshSettings.defaults(), keys, auth, prompt, io, scheduler, paths);
    }

    /** Who is asked for a comms secret whose environment variable is not set (the window's prompt). */
    public void askCommsSecretsWith(SecretPrompt prompt) {
        this.secretPrompt = prompt;
    }

    /**
     * Comms for the current incident over {@code settings} (the window's inventory as it stands): the channels'
     * senders and the status page with this console's secrets, one courier, journaled through the incident.
     */
    public CommsService comms(Supplier<NotifySettings> settings) {
        return new CommsService(incidents::current, settings, c -> Senders.create(c, commsSecrets),
                page -> new StatusPageSender(page, commsSecrets), courier, executors.io(), Clock.systemUTC());
    }

    /** The process environment the console was started with (passwords are read by variable name). */
    public Map<String, String> environment() {
        return env;
    }

    /** The timer for small periodic work (hand real work to {@link #io()}). */
    public ScheduledExecutorService scheduler() {
        return executors.scheduler();
    }

    /** Closes {@code c} when the services close, before the incident and the connections. */
    public void closeFirst(AutoCloseable c) {
        closeFirst.add(c);
    }

    public AppHome home() {
        return home;
    }

    /** The pool for blocking work (SSH, Redis, files); never the FX thread. */
    public ExecutorService io() {
        return executors.io();
    }

    public SshConnections ssh() {
        return ssh;
    }

    /** The session's sudo passwords (memory only). */
    public SudoPasswords sudo() {
        return sudo;
    }

    public InventoryReader inventories() {
        return inventories;
    }

    public IncidentService incidents() {
        return incidents;
    }

    /** Health, breaker and connection changes, comms copied: the panels' path into the current incident. */
    public PanelJournal panelJournal() {
        return panelJournal;
    }

    public LivePanels panels() {
        return panels;
    }

    public BreakerActionService breakerActions() {
        return breakerActions;
    }

    /** Stops the panels, journals what they still held, closes the incident and the connections, wipes secrets. */
    @Override
    public void close() {
        for (AutoCloseable c : closeFirst) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", c, e.getMessage());
            }
        }
        panels.close();
        panelJournal.flush();
        incidents.close();
        ssh.close();
        sudo.clear();
        commsSecrets.clear();
        executors.close();
    }
}
