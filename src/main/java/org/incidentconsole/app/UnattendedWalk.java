package org.incidentconsole.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.incidentconsole.breaker.BreakerMonitor;
import org.incidentconsole.breaker.BreakerPoll;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.breaker.RedisLinks;
import org.incidentconsole.breaker.RedisUnavailableException;
import org.incidentconsole.health.CheckResult;
import org.incidentconsole.health.HealthChecks;
import org.incidentconsole.health.HealthPoller;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.health.LatestCheck;
import org.incidentconsole.health.SeverityAdvisor;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.PanelJournal;
import org.incidentconsole.incident.ProcedureWalk;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.incident.VariableDefaults;
import org.incidentconsole.incident.WalkActs;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.runbook.Variable;
import org.incidentconsole.ssh.ConnectionStatus;
import org.incidentconsole.ssh.OutputListener;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.StreamKind;

/**
 * Walks one procedure of a runbook on one host with nobody at the keyboard: the first suggestion for each variable,
 * dangers confirmed by typing the environment, choices and questions as the options say (see {@link WalkOptions}),
 * manual steps journaled as skipped-unattended, watches ended after the given seconds, every checklist item ticked,
 * then a last look at health, breakers and the advisor. Everything goes to the incident journal, signed by the
 * operator the walk was started for.
 */
final class UnattendedWalk {
    private final SshConnections ssh;
    private final RedisLinks redis;
    private final ExecutorService io;
    private final PrintWriter out;
    private final Redactor redactor = new Redactor();

    private final WalkOptions options;

    UnattendedWalk(SshConnections ssh, RedisLinks redis, ExecutorService io, PrintWriter out) {
        this(ssh, redis, io, out, WalkOptions.defaults());
    }

    UnattendedWalk(SshConnections ssh, RedisLinks redis, ExecutorService io, PrintWriter out, WalkOptions options) {
        this.options = options;
        this.ssh = ssh;
        this.redis = redis;
        this.io = io;
        this.out = out;
    }

    record Outcome(boolean healthy, List<String> problems) {
    }

    Outcome walk(IncidentSession session, Runbook runbook, Host host) throws Exception {
        session.record(IncidentEvent.RunbookLoaded.of(runbook)).get();
        PanelJournal panels = new PanelJournal(() -> session, redactor);
        Consumer<ConnectionStatus> connection =
                status -> panels.connection(host.name(), status);
        ssh.connection(host).addListener(connection);
        BreakerMonitor breakers = breakerMonitor(host, panels);
        try (HealthPoller poller = new HealthPoller(ssh, Map.of(host, HealthChecks.of(host)), Clock.systemUTC())) {
            poller.onTransition(panels::health);
            poller.onResult(panels::healthResult); // #19 trends
            poller.pollOnce().get(2, TimeUnit.MINUTES);
            pollBreakers(breakers);
            Map<String, String> values = new LinkedHashMap<>();
            List<String> unset = variables(session, runbook, host, values);
            if (!unset.isEmpty()) {
                return new Outcome(false, unset);
            }
            StepRunner runner = new StepRunner(ssh, redactor, io);
            ProcedureWalk plan = new ProcedureWalk(runbook, options.procedureOf(runbook).orElse(null));
            if (plan.procedure() != null) {
                new WalkActs(session).procedureChosen(plan.procedure(), session.operator()).get();
                out.println("Procedure: " + plan.procedure().name());
                String others = String.join(", ", runbook.procedures().stream()
                        .filter(p -> !p.name().equals(plan.procedure().name())).map(p -> p.name()).toList());
                out.println(others.isEmpty() ? "" : "Not walked (other sections): " + others);
            }
            UnattendedSteps steps = new UnattendedSteps(session, runner, host, values, options, plan, out, printer());
            int n = 0;
            int total = plan.steps().size();
            for (Step step : runbook.steps()) {
                if (!plan.inProcedure(step)) {
                    continue;
                }
                if (plan.gatedOut(step)) {
                    out.printf("%n[–] %s: passed over (an answer leads elsewhere)%n", step.pathText());
                    continue;
                }
                n++;
                out.printf("%n[%d/%d] %s%n", n, total, step.pathText());
                out.flush();
                String stopped = steps.walk(step);
                pollBreakers(breakers); // a step may have closed (or opened) a breaker: journaled as seen
                if (stopped != null) {
                    return new Outcome(false, List.of(stopped));
                }
            }
            List<CheckResult> health = poller.pollOnce().get(2, TimeUnit.MINUTES);
            panels.flush();
            return verdict(session, host, health);
        } finally {
            panels.flush();
            ssh.connection(host).removeListener(connection);
        }
    }

    /** The walk's breaker monitor, journaling what it sees through {@code panels}; null without Redis. */
    private BreakerMonitor breakerMonitor(Host host, PanelJournal panels) {
        if (host.redis() == null) {
            return null;
        }
        try {
            BreakerMonitor monitor = new BreakerMonitor(redis.linkFor(host), host.breakers(), Clock.systemUTC());
            monitor.addListener(panels::breakers);
            return monitor;
        } catch (RedisUnavailableException e) {
            out.println("  breakers not watched: " + e.getMessage());
            return null;
        }
    }

    private static void pollBreakers(BreakerMonitor monitor) {
        if (monitor != null) {
            monitor.poll();
        }
    }

    /** Fills {@code values}; returns one sentence (file:line) per variable left without a value. */
    private List<String> variables(IncidentSession session, Runbook runbook, Host host, Map<String, String> values)
            throws Exception {
        VariableDefaults.Prefilled filled = VariableDefaults.prefillWithReasons(runbook, host,
                command -> VariableDefaults.firstChoice(ssh, host, command));
        List<String> unset = new ArrayList<>();
        for (Variable v : runbook.variables()) {
            String value = filled.values().get(v.name());
            if (value == null) {
                unset.add(runbook.source() + ":" + v.line() + ": variable " + v.name() + " has no value: "
                        + filled.reasons().getOrDefault(v.name(), "no default and no suggestion."));
                continue;
            }
            values.put(v.name(), value);
            session.record(new IncidentEvent.VariableSet(v.name(), value, v.role())).get();
            out.println("  " + v.name() + " = " + value);
        }
        return unset;
    }

    private OutputListener printer() {
        return (host, stream, line) -> {
            synchronized (out) {
                out.println("  " + (stream == StreamKind.STDERR ? "! " : "| ") + line);
                out.flush();
            }
        };
    }

    private Outcome verdict(IncidentSession session, Host host, List<CheckResult> health) throws Exception {
        List<String> problems = new ArrayList<>();
        health.stream().filter(r -> r.status() != HealthStatus.OK)
                .forEach(r -> problems.add("health " + r.check() + ": " + r.status() + " " + r.value()));
        List<BreakerPoll> panels = new ArrayList<>();
        try {
            BreakerPoll panel = new BreakerMonitor(redis.linkFor(host), host.breakers(), Clock.systemUTC()).poll();
            panels.add(panel);
            if (panel.error() != null) {
                problems.add("breakers: " + panel.error());
            }
            panel.breakers().stream().filter(b -> b.breaker().state() != BreakerState.CLOSED)
                    .forEach(b -> problems.add("breaker " + b.breaker().service() + " is " + b.breaker().state()));
        } catch (RedisUnavailableException e) {
            problems.add("breakers: " + e.getMessage());
        }
        var checks = new ArrayList<LatestCheck>();
        health.forEach(r -> checks.add(new LatestCheck(r, r.at())));
        var advice = new SeverityAdvisor().advise(checks, panels, SeverityAdvisor.Thresholds.of(host.thresholds()),
                Instant.now());
        if (advice.action() == SeverityAdvisor.Action.ROLLBACK_NOW) {
            problems.add("the advisor still says ROLLBACK NOW: " + advice.reasons().get(0).text());
        }
        if (problems.isEmpty()) {
            session.record(new IncidentEvent.Milestone("RECOVERED", "health OK, breakers closed")).get();
            session.record(new IncidentEvent.Resolved("drill ended healthy", session.operator())).get();
        } else {
            session.record(new IncidentEvent.NoteAdded("drill ended unhealthy: " + String.join("; ", problems),
                    session.operator())).get();
        }
        return new Outcome(problems.isEmpty(), problems);
    }

    static String zone() {
        return ZoneId.systemDefault().getId();
    }
}
