package org.incidentconsole.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.incidentconsole.breaker.RedisLinks;
import org.incidentconsole.breaker.RedisPasswordPrompt;
import org.incidentconsole.breaker.RedisUnavailableException;
import org.incidentconsole.health.CheckResult;
import org.incidentconsole.health.ConnectPolicy;
import org.incidentconsole.health.HealthChecks;
import org.incidentconsole.health.HealthPoller;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.RedisEndpoint;
import org.incidentconsole.ssh.ExecOutcome;
import org.incidentconsole.ssh.ExecResult;
import org.incidentconsole.ssh.HostKeyMismatchException;
import org.incidentconsole.ssh.HostPath;
import org.incidentconsole.ssh.SshConnection;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.UnknownHostKey;

/**
 * Proves, before an outage, that every host of an inventory is usable: reached through its path with a known
 * host key, authenticated, sudo, Redis through the tunnel, first health results, clock skew. Up to
 * {@link #PARALLEL} hosts (by default) are checked at once, each on a connection of its own (a shared bastion's transport
 * excepted); the rows come back in the inventory's order whatever order they finish in.
 */
final class Preflight {
    /** How many hosts are checked at once: a dead host waits out its timeouts without holding up the others. */
    static final int PARALLEL = 8;
    private static final Duration CONNECT = Duration.ofSeconds(20);
    private static final Duration COMMAND = Duration.ofSeconds(10);
    /** How the target's own login failure begins (a hop's is prefixed with the hop): the key was accepted. */
    private static final String AUTH_REFUSED = "authentication refused";

    private final SshConnections ssh;
    private final RefusingKeyRecorder keys;
    private final Map<String, String> environment;
    private final Clock clock;
    private final int parallel;

    /** @param keys the prompt {@code ssh} was built with */
    Preflight(SshConnections ssh, RefusingKeyRecorder keys, Map<String, String> environment, Clock clock) {
        this(ssh, keys, environment, clock, PARALLEL);
    }

    /** @param parallel how many hosts at most are checked at once */
    Preflight(SshConnections ssh, RefusingKeyRecorder keys, Map<String, String> environment, Clock clock,
              int parallel) {
        this.ssh = ssh;
        this.keys = keys;
        this.environment = environment;
        this.clock = clock;
        this.parallel = Math.max(1, parallel);
    }

    /** Told about each host's row as soon as it is known (on a preflight thread); {@code index} is its place. */
    @FunctionalInterface
    interface Progress {
        void finished(int index, PreflightRow row);

        Progress NONE = (index, row) -> { };
    }

    List<PreflightRow> run(Inventory inventory) {
        return run(inventory, Progress.NONE);
    }

    /** Blocks until every host is checked; the rows are in the inventory's order. */
    List<PreflightRow> run(Inventory inventory, Progress progress) {
        List<Host> hosts = inventory.hosts();
        if (hosts.isEmpty()) {
            return List.of();
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, hosts.size()), r -> {
            Thread t = new Thread(r, "preflight-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try (RedisLinks redis = new RedisLinks(ssh, environment, RedisPasswordPrompt.NONE)) {
            List<Future<PreflightRow>> checks = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                int index = i;
                checks.add(pool.submit(() -> {
                    PreflightRow row = check(hosts.get(index), redis);
                    progress.finished(index, row);
                    return row;
                }));
            }
            List<PreflightRow> rows = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                rows.add(outcome(hosts.get(i), checks.get(i)));
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private static PreflightRow outcome(Host host, Future<PreflightRow> check) {
        try {
            return check.get();
        } catch (ExecutionException e) {
            return new PreflightRow(host.name(), "not checked: " + PlainMessage.of(e.getCause()), "-", "-", "-", "-",
                    List.of(), "-", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PreflightRow(host.name(), "not checked: interrupted", "-", "-", "-", "-", List.of(), "-", false);
        }
    }

    private PreflightRow check(Host host, RedisLinks redis) {
        SshConnection connection = ssh.connection(host);
        Throwable failure = connect(connection);
        String via = via(connection.path());
        List<UnknownHostKey> refused = keys.refusedFor(servers(host, connection.path()));
        if (failure != null && refused.isEmpty() && PlainMessage.of(failure).startsWith(AUTH_REFUSED)) {
            return new PreflightRow(host.name(), "yes" + via, "known", PlainMessage.of(failure), "-",
                    host.redis() == null ? "not configured" : "not checked", List.of(), "-", false);
        }
        if (failure != null) {
            String hostKey = hostKey(host, failure, refused);
            String reason = refused.isEmpty() ? PlainMessage.of(failure) : "host key not trusted";
            return new PreflightRow(host.name(), "no" + via + ": " + reason, hostKey, "-", "-",
                    host.redis() == null ? "not configured" : "not checked", List.of(), "-", false);
        }
        String auth = connection.status().key() == null ? "ok" : connection.status().key();
        String redisCell = host.redis() == null ? "not configured" : redis(host, redis);
        boolean redisOk = host.redis() == null || redisCell.startsWith("ok");
        return new PreflightRow(host.name(), "yes" + via, "known", auth, sudo(connection), redisCell,
                health(host), skew(connection), redisOk);
    }

    private static Throwable connect(SshConnection connection) {
        try {
            connection.connect().get(CONNECT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return new IllegalStateException("no connection within " + CONNECT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** The names the host's servers are known by to the key prompt: the host and its jump hosts. */
    private static Set<String> servers(Host host, HostPath path) {
        Set<String> names = new HashSet<>();
        names.add(host.name());
        if (path != null) {
            path.jumps().forEach(hop -> names.add(hop.name()));
        }
        return names;
    }

    private static String via(HostPath path) {
        return path == null ? "" : path.via();
    }

    private static String hostKey(Host host, Throwable failure, List<UnknownHostKey> refused) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HostKeyMismatchException changed) {
                return "changed (known " + String.join(", ", changed.knownFingerprints()) + ", presented "
                        + changed.presentedFingerprint() + ")";
            }
        }
        if (!refused.isEmpty()) {
            return "unknown (" + String.join(", ", refused.stream().map(k -> (k.hostName().equals(host.name())
                    ? "" : k.hostName() + " ") + k.fingerprint()).toList()) + ")";
        }
        return "not checked";
    }

    private String sudo(SshConnection connection) {
        Output out = run(connection, "sudo -n true");
        if (out.result == null) {
            return "not checked: " + out.error;
        }
        if (out.result.outcome() == ExecOutcome.OK) {
            return "ok without a password";
        }
        return out.text.toString().toLowerCase(Locale.ROOT).contains("password") ? "needs a password"
                : "fails: " + firstLine(out.text.toString(), out.result.reason());
    }

    private String skew(SshConnection connection) {
        Output out = run(connection, "date +%s");
        long local = clock.instant().getEpochSecond();
        try {
            long remote = Long.parseLong(out.text.toString().trim());
            long skew = remote - local;
            return (skew > 0 ? "+" : "") + skew + " s";
        } catch (NumberFormatException e) {
            return "unknown";
        }
    }

    private String redis(Host host, RedisLinks links) {
        RedisEndpoint endpoint = host.redis();
        String env = endpoint.passwordEnv();
        String source = env == null ? "no password"
                : environment.getOrDefault(env, "").isEmpty() ? "$" + env + " not set" : "password from $" + env;
        try {
            String pong = links.linkFor(host).with(jedis -> jedis.ping());
            return "PONG".equalsIgnoreCase(pong) ? "ok (" + source + ")" : "unexpected reply " + pong;
        } catch (RedisUnavailableException e) {
            return "down: " + PlainMessage.of(e) + " (" + source + ")";
        }
    }

    private List<String> health(Host host) {
        try (HealthPoller poller = new HealthPoller(ssh, Map.of(host, HealthChecks.of(host)), clock,
                ConnectPolicy.ONLY_CONNECTED)) {
            List<CheckResult> results = poller.pollOnce().get(COMMAND.toMillis() * 3, TimeUnit.MILLISECONDS);
            return results.stream().map(r -> r.check() + " " + r.status().name().toLowerCase(Locale.ROOT)
                    + (r.value() == null || r.value().isBlank() ? "" : " " + r.value())).toList();
        } catch (ExecutionException | TimeoutException e) {
            return List.of("not checked: " + PlainMessage.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("interrupted");
        }
    }

    private static Output run(SshConnection connection, String command) {
        Output out = new Output();
        try {
            out.result = connection.run(command, COMMAND, (h, stream, line) -> {
                synchronized (out) {
                    out.text.append(line).append('\n');
                }
            }).result().get(COMMAND.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            out.error = PlainMessage.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.error = "interrupted";
        }
        return out;
    }

    private static String firstLine(String text, String fallback) {
        String line = text.lines().findFirst().orElse("").trim();
        return line.isEmpty() ? String.valueOf(fallback) : line;
    }

    private static final class Output {
        final StringBuilder text = new StringBuilder();
        ExecResult result;
        String error;
    }
}
