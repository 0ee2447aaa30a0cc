package org.incidentconsole.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.incidentconsole.breaker.BreakerMonitor;
import org.incidentconsole.breaker.BreakerPanel;
import org.incidentconsole.breaker.RedisLink;
import org.incidentconsole.breaker.RedisLinks;
import org.incidentconsole.breaker.RedisPasswordPrompt;
import org.incidentconsole.breaker.RedisUnavailableException;
import org.incidentconsole.health.CheckResult;
import org.incidentconsole.health.HealthCheck;
import org.incidentconsole.health.HealthChecks;
import org.incidentconsole.health.HealthPoller;
import org.incidentconsole.health.SeverityAdvisor;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.InventoryLoader;
import org.incidentconsole.ssh.HostKeyPrompt;
import org.incidentconsole.ssh.HostKeyStore;
import org.incidentconsole.ssh.HostPaths;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SshAuth;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.SshSettings;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.ssh.SudoPasswords;

/** The composition root's services, built by constructor wiring; no singletons. */
public final class ConsoleServices implements AutoCloseable {
    private final AppHome home;
    private final AppExecutors executors = new AppExecutors();
    private final InventoryLoader inventoryLoader;
    private final SshConnections ssh;
    private SudoPasswords sudo;

    /**
     * @param userHome the user's home: ~/.ssh/known_hosts is read (never written), ~/.ssh/id_* are default keys
     * @param env      the process environment (SSH_AUTH_SOCK)
     */
    public ConsoleServices(AppHome home, Path userHome, Map<String, String> env, HostKeyPrompt hostKeys,
                           PassphrasePrompt passphrases) {
        this(home, userHome, new HostKeyStore(userHome.resolve(".ssh").resolve("known_hosts"), home.knownHosts()),
                new SshAuth(agentSocket(env), userHome.resolve(".ssh"), passphrases), hostKeys,
                HostPaths.forUser(userHome));
    }

    private ConsoleServices(AppHome home, Path userHome, HostKeyStore keys, SshAuth auth, HostKeyPrompt hostKeys,
                            HostPaths paths) {
        this.home = home;
        this.inventoryLoader = new InventoryLoader(userHome);
        this.ssh = new SshConnections(SshSettings.defaults(), keys, auth, hostKeys, executors.io(),
                executors.scheduler(), paths);
    }

    /** Services for the drill: its own known_hosts (the host key is pinned, never asked), its own key. */
    public static ConsoleServices forDrill(AppHome home, org.incidentconsole.drill.DrillEnvironment drill) {
        return new ConsoleServices(home, Path.of(System.getProperty("user.home")),
                new HostKeyStore(null, drill.knownHosts()), new SshAuth(null, drill.root(), PassphrasePrompt.NONE),
                HostKeyPrompt.REFUSE_ALL, HostPaths.withoutSshConfig());
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

    /** The session's sudo passwords, asked through {@code prompt} (the first caller's); wiped at close. */
    public synchronized SudoPasswords sudo(SudoPasswordPrompt prompt) {
        if (sudo == null) {
            sudo = new SudoPasswords(prompt);
        }
        return sudo;
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

    private volatile org.incidentconsole.incident.IncidentSession incident;

    private org.incidentconsole.incident.IncidentStore store() {
        return new org.incidentconsole.incident.IncidentStore(home.dir().resolve("incidents"),
                java.time.Clock.systemUTC());
    }

    /** The incident being worked on, or null before one is started or resumed. */
    public org.incidentconsole.incident.IncidentSession currentIncident() {
        return incident;
    }

    /**
     * Starts an incident bound to this console's environment and inventory and makes it the current one; a
     * previous one is closed (its journal stays).
     */
    public synchronized org.incidentconsole.incident.IncidentSession startIncident(
            String title, String trigger, org.incidentconsole.incident.Severity severity,
            org.incidentconsole.incident.IncidentBinding binding, String operator) throws java.io.IOException {
        org.incidentconsole.incident.IncidentSession started = store().start(title, trigger, severity, binding,
                operator, null, java.time.ZoneId.systemDefault().getId());
        replace(started);
        return started;
    }

    /** As above, bound to an environment only (no inventory fingerprint): for callers that have no inventory. */
    public org.incidentconsole.incident.IncidentSession startIncident(String title, String trigger,
            org.incidentconsole.incident.Severity severity, String environment, String operator)
            throws java.io.IOException {
        return startIncident(title, trigger, severity,
                new org.incidentconsole.incident.IncidentBinding(environment, null, null), operator);
    }

    /** Resumes an incident of this environment and inventory, worked by {@code operator}; others are refused. */
    public synchronized org.incidentconsole.incident.IncidentSession resumeIncident(String id,
            org.incidentconsole.incident.IncidentBinding binding, String operator) throws java.io.IOException,
            org.incidentconsole.incident.JournalException, org.incidentconsole.incident.IncidentMismatchException {
        org.incidentconsole.incident.IncidentSession resumed = store().resume(id, binding, operator);
        replace(resumed);
        return resumed;
    }

    private void replace(org.incidentconsole.incident.IncidentSession next) {
        if (incident != null) {
            incident.close();
        }
        incident = next;
    }

    /** Unresolved incidents, with why those of another environment or inventory cannot be resumed here. */
    public java.util.List<org.incidentconsole.incident.IncidentStore.Candidate> incidentCandidates(
            org.incidentconsole.incident.IncidentBinding binding) throws java.io.IOException {
        return store().candidates(binding);
    }

    /**
     * The current incident; one is started with plain defaults if the operator acted before starting one
     * (the window asks first; this keeps nothing from being lost if a path does not).
     */
    public org.incidentconsole.incident.IncidentSession incident(String environment) {
        return incident(new org.incidentconsole.incident.IncidentBinding(environment, null, null),
                org.incidentconsole.incident.IncidentStore.defaultOperator());
    }

    /** As {@link #incident(String)}, bound to the console's inventory and signed by its operator. */
    public synchronized org.incidentconsole.incident.IncidentSession incident(
            org.incidentconsole.incident.IncidentBinding binding, String operator) {
        if (incident == null) {
            try {
                startIncident("Incident on " + binding.environment(), "not recorded yet",
                        org.incidentconsole.incident.Severity.P2, binding, operator);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("the incident journal could not be created", e);
            }
        }
        return incident;
    }

    /** The report of the current incident: its markdown and where it was written. */
    public record Report(String markdown, Path file) {
    }

    /** Writes the report of the current incident to the data directory's reports folder. */
    public Report writeReport(String environment) {
        var session = incident(environment);
        try {
            Path out = home.dir().resolve("reports").resolve(session.id() + ".md");
            org.incidentconsole.incident.PrivateFiles.createDirectories(out.getParent());
            StringBuilder markdown = new StringBuilder();
            new org.incidentconsole.report.ReportRenderer().prepare(
                    org.incidentconsole.report.RecordSource.journal(session.journalFile())).writeTo(markdown);
            org.incidentconsole.incident.PrivateFiles.writeString(out, markdown.toString());
            panels.reportExported(out);
            return new Report(markdown.toString(), out);
        } catch (java.io.IOException | org.incidentconsole.incident.JournalException e) {
            throw new IllegalStateException("the report could not be written: " + e.getMessage(), e);
        }
    }

    private final java.util.Map<String, org.incidentconsole.breaker.BreakerActions> actions =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, BreakerMonitor> monitorBySource = new java.util.concurrent.ConcurrentHashMap<>();
    private final org.incidentconsole.incident.PanelEvents panelEvents =
            new org.incidentconsole.incident.PanelEvents(new org.incidentconsole.redact.Redactor());
    /** The one path from the panels to the journal (the same class drill --run uses). */
    private final org.incidentconsole.incident.PanelJournal panels = new org.incidentconsole.incident.PanelJournal(
            this::currentIncident, new org.incidentconsole.redact.Redactor());

    public org.incidentconsole.incident.PanelJournal panelJournal() {
        return panels;
    }

    /**
     * Runs a breaker action on the Redis a panel was read from and journals every key's before and after.
     * Blocking.
     */
    public org.incidentconsole.breaker.ActionResult breakerAction(String source,
                                                                  org.incidentconsole.breaker.BreakerCommand command,
                                                                  String service,
                                                                  String environment)
            throws RedisUnavailableException {
        org.incidentconsole.breaker.BreakerActions a = actions.get(source);
        if (a == null) {
            throw new RedisUnavailableException(source + " is not connected", null);
        }
        org.incidentconsole.breaker.ActionResult result = command.apply(a, service);
        var session = incident(environment);
        for (var event : panelEvents.of(result)) {
            session.record(event).join();
        }
        executors.io().execute(monitorBySource.get(source)::poll); // show the change now, not at the next poll
        return result;
    }

    /** Runs a suggestion command on a host and returns the first choice (first word of the first line). */
    public String firstSuggestion(Host host, String command) {
        return org.incidentconsole.incident.VariableDefaults.firstChoice(ssh, host, command);
    }

    private HealthPoller health;
    private RedisLinks redis;
    private final java.util.List<BreakerMonitor> monitors = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Starts the live panels for an inventory: health polled every 5 s on all hosts, breakers of each distinct
     * Redis every few seconds (linked off the caller's thread), the advisor's reading every 2 s.
     */
    public void startPanels(Inventory inventory, java.util.function.Consumer<CheckResult> results,
                            java.util.function.Consumer<BreakerPanel> breakers,
                            java.util.function.Consumer<SeverityAdvisor.Advice> advice) {
        java.util.Map<Host, java.util.List<HealthCheck>> checks = new java.util.LinkedHashMap<>();
        inventory.hosts().forEach(h -> checks.put(h, HealthChecks.of(h)));
        health = new HealthPoller(ssh, checks, java.time.Clock.systemUTC(), false);
        health.onResult(results);
        health.onTransition(panels::health);
        health.onResult(panels::healthResult); // #19 trends: throttled health-sample events
        inventory.hosts().forEach(h -> ssh.connection(h).addListener(status -> panels.connection(h.name(), status)));
        executors.scheduler().scheduleWithFixedDelay(panels::tick, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
        health.start(executors.scheduler(), java.time.Duration.ofSeconds(5));
        redis = new RedisLinks(ssh, System.getenv(), RedisPasswordPrompt.NONE);
        java.util.Map<String, BreakerPanel> latest = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<RedisLink> started = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (Host host : inventory.hosts()) {
            if (host.redis() == null) {
                continue;
            }
            // breakers are read once the operator has connected the host: connecting stays their act
            ssh.connection(host).addListener(status -> {
                if (status.state() == org.incidentconsole.ssh.ConnectionState.CONNECTED) {
                    executors.io().execute(() -> startMonitor(host, started, latest, breakers));
                }
            });
        }
        SeverityAdvisor advisor = new SeverityAdvisor();
        SeverityAdvisor.Thresholds thresholds = inventory.hosts().isEmpty() ? SeverityAdvisor.Thresholds.defaults()
                : SeverityAdvisor.Thresholds.of(inventory.hosts().get(0).thresholds());
        org.incidentconsole.health.SteadyAdvice steady = new org.incidentconsole.health.SteadyAdvice(
                org.incidentconsole.health.SteadyAdvice.Settings.of(inventory.hosts().isEmpty() ? java.util.Map.of()
                        : inventory.hosts().get(0).thresholds()));
        executors.scheduler().scheduleWithFixedDelay(() -> {
            java.time.Instant now = java.time.Instant.now();
            var states = health.states();
            var raw = advisor.advise(states, latest.values(), thresholds, now);
            // a new poll is a newer health result or breaker reading than the last tick saw
            java.time.Instant round = java.util.stream.Stream.concat(states.stream().map(s -> s.latest().at()),
                    latest.values().stream().map(BreakerPanel::at)).max(java.util.Comparator.naturalOrder()).orElse(null);
            var incident = currentIncident();
            boolean rolledBack = incident != null && incident.state().milestones().contains("ROLLED_BACK");
            advice.accept(steady.next(raw, round, rolledBack, now));
        }, 1, 2, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void startMonitor(Host host, java.util.Set<RedisLink> started, java.util.Map<String, BreakerPanel> latest,
                              java.util.function.Consumer<BreakerPanel> breakers) {
        try {
            RedisLink link = redis.linkFor(host);
            if (started.add(link)) {
                BreakerMonitor monitor = new BreakerMonitor(link, host.breakers(), java.time.Clock.systemUTC());
                monitorBySource.put(link.label(), monitor);
                actions.put(link.label(), new org.incidentconsole.breaker.BreakerActions(link, host.breakers(),
                        java.time.Clock.systemUTC()));
                monitor.addListener(panels::breakers);
                monitor.addListener(p -> {
                    latest.put(p.source(), p);
                    breakers.accept(p);
                });
                monitors.add(monitor);
                monitor.start(executors.scheduler(), executors.io());
            }
        } catch (RedisUnavailableException e) {
            breakers.accept(BreakerPanel.unavailable(host.name(), java.time.Instant.now(), e.getMessage()));
        }
    }

    @Override
    public void close() {
        panels.flush();
        if (incident != null) {
            incident.close();
        }
        monitors.forEach(BreakerMonitor::close);
        if (health != null) {
            health.close();
        }
        if (redis != null) {
            redis.close();
        }
        ssh.close();
        synchronized (this) {
            if (sudo != null) {
                sudo.clear();
            }
        }
        executors.close();
    }
}
