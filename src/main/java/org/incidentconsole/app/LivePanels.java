package org.incidentconsole.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.incidentconsole.breaker.BreakerActions;
import org.incidentconsole.breaker.BreakerMonitor;
import org.incidentconsole.breaker.BreakerPoll;
import org.incidentconsole.breaker.RedisLink;
import org.incidentconsole.breaker.RedisLinks;
import org.incidentconsole.breaker.RedisPasswordPrompt;
import org.incidentconsole.breaker.RedisUnavailableException;
import org.incidentconsole.health.CheckResult;
import org.incidentconsole.health.HealthCheck;
import org.incidentconsole.health.ConnectPolicy;
import org.incidentconsole.health.HealthChecks;
import org.incidentconsole.health.HealthPoller;
import org.incidentconsole.health.SeverityAdvisor;
import org.incidentconsole.health.SteadyAdvice;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.PanelJournal;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.ssh.ConnectionState;
import org.incidentconsole.ssh.ConnectionStatus;
import org.incidentconsole.ssh.SshConnection;
import org.incidentconsole.ssh.SshConnections;

/**
 * The live panels of an inventory: health polled on every host, the breakers of each distinct Redis, the severity
 * advisor's reading; each change also goes to the journal through the {@link PanelJournal}.
 */
public final class LivePanels implements AutoCloseable {
    private static final Duration HEALTH_EVERY = Duration.ofSeconds(5);

    /** A Redis the panels read: where its breaker actions run and the monitor to poll again after one. */
    record ConnectedRedis(BreakerActions actions, BreakerMonitor monitor) {
    }

    private final SshConnections ssh;
    private final AppExecutors executors;
    private final PanelJournal journal;
    private final Supplier<IncidentSession> incident;
    private final Map<String, String> environment;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, ConnectedRedis> bySource = new ConcurrentHashMap<>();
    private final List<BreakerMonitor> monitors = new CopyOnWriteArrayList<>();
    /** What {@link #start} started, so that {@link #stop} (an inventory reload) can end it and start again. */
    private final List<Future<?>> tasks = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile HealthPoller health;
    private volatile RedisLinks redis;

    /**
     * @param incident    the incident being worked on (null before one), for the advisor's "rolled back" reading
     * @param environment the process environment (Redis passwords named by the inventory)
     */
    public LivePanels(SshConnections ssh, AppExecutors executors, PanelJournal journal,
                      Supplier<IncidentSession> incident, Map<String, String> environment) {
        this.ssh = ssh;
        this.executors = executors;
        this.journal = journal;
        this.incident = incident;
        this.environment = environment;
    }

    /**
     * Starts the panels for an inventory: health every 5 s on all hosts, the breakers of each distinct Redis once
     * its host is connected (connecting stays the operator's act), the advisor's reading every 2 s.
     */
    public void start(Inventory inventory, Consumer<CheckResult> results, Consumer<BreakerPoll> breakers,
                      Consumer<SeverityAdvisor.Advice> advice) {
        Map<Host, List<HealthCheck>> checks = new LinkedHashMap<>();
        inventory.hosts().forEach(h -> checks.put(h, HealthChecks.of(h)));
        HealthPoller poller = new HealthPoller(ssh, checks, clock, ConnectPolicy.ONLY_CONNECTED);
        health = poller;
        poller.onResult(results);
        poller.onTransition(journal::health);
        poller.onResult(journal::healthResult); // throttled health-sample events: the report's trends
        inventory.hosts().forEach(h -> listen(ssh.connection(h), status -> journal.connection(h.name(), status)));
        tasks.add(executors.scheduler().scheduleWithFixedDelay(journal::tick, 5, 5, TimeUnit.SECONDS));
        poller.start(executors.scheduler(), HEALTH_EVERY);
        redis = new RedisLinks(ssh, environment, RedisPasswordPrompt.NONE);
        Map<String, BreakerPoll> latest = new ConcurrentHashMap<>();
        Set<RedisLink> started = ConcurrentHashMap.newKeySet();
        for (Host host : inventory.hosts()) {
            if (host.redis() != null) {
                listen(ssh.connection(host), status -> { // told at once: a host still connected after a reload too
                    if (status.state() == ConnectionState.CONNECTED) {
                        executors.io().execute(() -> startMonitor(host, started, latest, breakers));
                    }
                });
            }
        }
        startAdvisor(inventory, poller, latest, advice);
    }

    private void startAdvisor(Inventory inventory, HealthPoller poller, Map<String, BreakerPoll> latest,
                              Consumer<SeverityAdvisor.Advice> advice) {
        Map<String, Object> thresholds = inventory.hosts().isEmpty() ? Map.of()
                : inventory.hosts().get(0).thresholds();
        SeverityAdvisor advisor = new SeverityAdvisor();
        SeverityAdvisor.Thresholds limits = inventory.hosts().isEmpty() ? SeverityAdvisor.Thresholds.defaults()
                : SeverityAdvisor.Thresholds.of(thresholds);
        SteadyAdvice steady = new SteadyAdvice(SteadyAdvice.Settings.of(thresholds));
        tasks.add(executors.scheduler().scheduleWithFixedDelay(() -> {
            Instant now = clock.instant();
            var states = poller.states();
            var raw = advisor.advise(states, latest.values(), limits, now);
            // a new poll is a newer health result or breaker reading than the last tick saw
            Instant round = Stream.concat(states.stream().map(s -> s.latest().at()),
                    latest.values().stream().map(BreakerPoll::at)).max(Comparator.naturalOrder()).orElse(null);
            IncidentSession working = incident.get();
            boolean rolledBack = working != null && working.state().milestones().contains("ROLLED_BACK");
            advice.accept(steady.next(raw, round, rolledBack, now));
        }, 1, 2, TimeUnit.SECONDS));
    }

    private void listen(SshConnection connection, Consumer<ConnectionStatus> listener) {
        connection.addListener(listener);
        listeners.add(() -> connection.removeListener(listener));
    }

    private void startMonitor(Host host, Set<RedisLink> started, Map<String, BreakerPoll> latest,
                              Consumer<BreakerPoll> breakers) {
        RedisLinks links = redis;
        if (links == null) {
            return; // the panels stopped (an inventory reload) before this host's monitor started
        }
        try {
            RedisLink link = links.linkFor(host);
            if (started.add(link)) {
                BreakerMonitor monitor = new BreakerMonitor(link, host.breakers(), clock);
                bySource.put(link.label(), new ConnectedRedis(new BreakerActions(link, host.breakers(), clock),
                        monitor));
                monitor.addListener(journal::breakers);
                monitor.addListener(p -> {
                    latest.put(p.source(), p);
                    breakers.accept(p);
                });
                monitors.add(monitor);
                monitor.start(executors.scheduler(), executors.io());
            }
        } catch (RedisUnavailableException e) {
            breakers.accept(BreakerPoll.unavailable(host.name(), clock.instant(), e.getMessage()));
        }
    }

    /** The Redis a panel with this source label was read from, or null when it is not connected. */
    ConnectedRedis redis(String source) {
        return bySource.get(source);
    }

    /**
     * Stops what {@link #start} started (polls, monitors, Redis links, listeners), so that it can start again on a
     * reloaded inventory; the incident and the SSH connections stay.
     */
    public synchronized void stop() {
        tasks.forEach(t -> t.cancel(false));
        tasks.clear();
        listeners.forEach(Runnable::run);
        listeners.clear();
        monitors.forEach(BreakerMonitor::close);
        monitors.clear();
        bySource.clear();
        HealthPoller poller = health;
        health = null;
        if (poller != null) {
            poller.close();
        }
        RedisLinks links = redis;
        redis = null;
        if (links != null) {
            links.close();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
