package org.incidentconsole.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.ssh.ConnectionState;
import org.incidentconsole.ssh.SshConnection;
import org.incidentconsole.ssh.SshConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every host's checks in parallel on a bounded pool. Each check has its own time limit; a host that
 * hangs shows TIMEOUT and delays no other host's results, and is not polled again until it has answered.
 */
public final class HealthPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthPoller.class);
    private static final Duration CONNECT = Duration.ofSeconds(15);

    private final SshConnections ssh;
    private final ConnectPolicy policy;
    private final Map<Host, List<HealthCheck>> checks;
    private final Clock clock;
    private final ExecutorService pool;
    private final Map<String, SshHostProbe> probes = new ConcurrentHashMap<>();
    private final Map<String, LatestCheck> states = new ConcurrentHashMap<>();
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final List<Consumer<CheckResult>> resultListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<HealthTransition>> transitionListeners = new CopyOnWriteArrayList<>();
    private ScheduledFuture<?> task;

    /** A poller that connects hosts that are not connected ({@link ConnectPolicy#CONNECT}). */
    public HealthPoller(SshConnections ssh, Map<Host, List<HealthCheck>> checks, Clock clock) {
        this(ssh, checks, clock, ConnectPolicy.CONNECT);
    }

    public HealthPoller(SshConnections ssh, Map<Host, List<HealthCheck>> checks, Clock clock, ConnectPolicy policy) {
        this.policy = policy;
        this.ssh = ssh;
        this.checks = Map.copyOf(checks);
        this.clock = clock;
        int threads = Math.max(2, Math.min(32, checks.size()));
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ic-health-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public void onResult(Consumer<CheckResult> listener) {
        resultListeners.add(listener);
    }

    public void onTransition(Consumer<HealthTransition> listener) {
        transitionListeners.add(listener);
    }

    public Collection<LatestCheck> states() {
        return List.copyOf(states.values());
    }

    /** Polls every host not still busy with the previous round; completes when all of them are done. */
    public CompletableFuture<List<CheckResult>> pollOnce() {
        List<CompletableFuture<List<CheckResult>>> hosts = new ArrayList<>();
        checks.forEach((host, list) -> {
            if (busy.add(host.name())) {
                hosts.add(CompletableFuture.supplyAsync(() -> pollHost(host, list), pool)
                        .whenComplete((r, e) -> busy.remove(host.name())));
            }
        });
        return CompletableFuture.allOf(hosts.toArray(CompletableFuture[]::new))
                .thenApply(v -> hosts.stream().flatMap(f -> f.join().stream()).toList());
    }

    public synchronized void start(ScheduledExecutorService scheduler, Duration every) {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::pollOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Why a host's checks cannot run this round: how it is unreachable, in the connection's words. */
    private record Unreached(Reachability reach, String detail) {
    }

    private List<CheckResult> pollHost(Host host, List<HealthCheck> list) {
        SshConnection connection = ssh.connection(host);
        Unreached unreached = reach(connection);
        SshHostProbe probe = probes.computeIfAbsent(host.name(), h -> new SshHostProbe(connection));
        List<CheckResult> results = new ArrayList<>();
        for (HealthCheck check : list) {
            CheckResult r;
            if (unreached != null) {
                // while the operator's connect is under way the check says so, not "not connected"
                Reachability why = connection.status().state() == ConnectionState.CONNECTING
                        ? Reachability.CONNECTING : unreached.reach();
                r = CheckResult.unanswered(host.name(), check.name(), check.kind(), clock.instant(), why,
                        unreached.detail(), Duration.ZERO);
            } else {
                try {
                    r = check.run(probe);
                } catch (RuntimeException e) {
                    LOG.warn("check {} on {} failed", check.name(), host.name(), e);
                    r = new CheckResult(host.name(), check.name(), check.kind(), clock.instant(), HealthStatus.UNKNOWN,
                            "check failed", String.valueOf(e.getMessage()), Duration.ZERO);
                }
            }
            record(r);
            results.add(r);
        }
        return results;
    }

    /** Connects the host when the policy allows and it is not connected; null once connected. */
    private Unreached reach(SshConnection connection) {
        if (policy == ConnectPolicy.ONLY_CONNECTED && !connection.isConnected()) {
            return new Unreached(Reachability.NOT_CONNECTED, "not connected");
        }
        try {
            connection.connect().get(CONNECT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            return new Unreached(Reachability.TIMEOUT, "TIMEOUT connecting");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreached(Reachability.UNREACHABLE, "interrupted");
        } catch (ExecutionException e) {
            return new Unreached(Reachability.UNREACHABLE, e.getCause() == null ? e.toString()
                    : e.getCause().getMessage());
        }
    }

    private void record(CheckResult r) {
        String key = r.host() + "/" + r.check();
        Instant now = r.at();
        LatestCheck before = states.get(key);
        boolean changed = before == null || before.latest().status() != r.status();
        states.put(key, new LatestCheck(r, changed ? now : before.since()));
        resultListeners.forEach(l -> safely(l, r));
        if (changed) {
            // one INFO line per change of state; each poll's result only at DEBUG
            LOG.info("Health {} {}: {} -> {} ({})", r.host(), r.check(), before == null ? "first result"
                    : before.latest().status(), r.status(), r.value());
        } else {
            LOG.debug("Health {} {}: {} ({})", r.host(), r.check(), r.status(), r.value());
        }
        if (changed) {
            HealthTransition t = new HealthTransition(r.host(), r.check(), before == null ? null
                    : before.latest().status(), r.status(), r.value(), now);
            transitionListeners.forEach(l -> safely(l, t));
        }
    }

    private static <T> void safely(Consumer<T> listener, T value) {
        try {
            listener.accept(value);
        } catch (RuntimeException e) {
            LOG.warn("health listener failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
        }
        pool.shutdownNow();
    }
}
