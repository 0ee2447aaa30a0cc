package org.incidentconsole.incident;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.redact.StreamRedactor;
import org.incidentconsole.runbook.Danger;
import org.incidentconsole.runbook.Placeholder;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ssh.CommandOptions;
import org.incidentconsole.ssh.ExecOutcome;
import org.incidentconsole.ssh.ExecResult;
import org.incidentconsole.ssh.OutputListener;
import org.incidentconsole.ssh.RemoteCommand;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.StreamKind;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.ssh.SudoPasswords;

/**
 * Runs one runbook step on chosen hosts and journals everything: confirmations, each host's start and end,
 * redacted output. A host's script stops at its first failing command; ROLLING goes host by host and stops
 * at the first host that does not end OK.
 */
public final class StepRunner {
    public enum Mode { PARALLEL, ROLLING }

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final SshConnections ssh;
    private final Redactor redactor;
    private final ExecutorService io;
    private final SudoPasswords sudo;
    private final ClaimJournal claims = new ClaimJournal();

    /** A runner that asks no sudo password: a step whose sudo wants one fails saying so. */
    public StepRunner(SshConnections ssh, Redactor redactor, ExecutorService io) {
        this(ssh, redactor, io, new SudoPasswords(SudoPasswordPrompt.NONE));
    }

    /** @param sudo sudo passwords, asked once per host and user and held in memory while connected */
    public StepRunner(SshConnections ssh, Redactor redactor, ExecutorService io, SudoPasswords sudo) {
        this.ssh = ssh;
        this.redactor = redactor;
        this.io = io;
        this.sudo = sudo;
    }

    /**
     * Run locks to take before each host's run (#22): the window sets them when the incident is shared, and back to
     * {@link HostClaims#NONE} when it is not. A refused host is skipped with the refusal as its reason.
     */
    public void useClaims(HostClaims hostClaims) {
        claims.use(hostClaims);
    }

    /** The incident's runs whose console vanished mid-run; each is journaled (RunOutcomeUnknown) once. */
    public List<UnknownRun> unknownRuns(IncidentSession session) {
        return claims.unknown(session);
    }

    /**
     * Someone looked at the host of an unknown run: {@code finding} (required) is journaled with {@code operator}
     * (UnknownRunAcknowledged) and the step may run there again. False when it was no longer unknown or the
     * coordination Redis could not be reached (nothing journaled then).
     */
    public boolean acknowledge(IncidentSession session, UnknownRun run, String finding, String operator) {
        return claims.acknowledge(session, run, finding, operator);
    }

    /**
     * What the step will run with these values, for the operator to read before pressing Run: the filled
     * scripts, or the one sentence saying why it cannot run yet.
     */
    public static String preview(Step step, Map<String, String> values) {
        try {
            String exports = EnvInputs.exports(step, values);
            return String.join("\n\n", StepInputs.render(step, values).scripts().stream()
                    .map(s -> exports + s).toList());
        } catch (StepNotReadyException e) {
            return "not ready: " + e.getMessage();
        }
    }

    /**
     * Every danger of the step as it will run with these values (those a value brings included), for the typed
     * confirmation to show; empty when it cannot run yet (a value missing or refused: the run says why).
     */
    public static List<Danger> dangers(Step step, Map<String, String> values) {
        try {
            return StepInputs.render(step, values).dangers();
        } catch (StepNotReadyException e) {
            return List.of();
        }
    }

    /** Restarts and stops go host by host; everything else on all hosts at once (see {@link #modeFor}). */
    public static Mode defaultMode(Step step) {
        return modeFor(step.dangers());
    }

    /** ROLLING when a danger's kind stops what serves users; decided by the kind, never by a reason's words. */
    static Mode modeFor(List<Danger> dangers) {
        return dangers.stream().anyMatch(d -> d.kind().stopsService()) ? Mode.ROLLING : Mode.PARALLEL;
    }

    /** How long a watch may stream before it is stopped as never ended: it normally ends by the operator. */
    static final Duration WATCH_TIMEOUT = Duration.ofHours(1);

    /**
     * How long one block may run: twice the step's budget, at least a minute; ten minutes with no budget; an hour
     * for a watch, which the operator ends (see {@link StepRun#end}).
     */
    static Duration timeout(Step step) {
        if (step.watch()) {
            return WATCH_TIMEOUT;
        }
        if (step.budget() == null) {
            return DEFAULT_TIMEOUT;
        }
        return Duration.ofSeconds(Math.max(60, step.budget().maxSeconds() * 2));
    }

    /** What happened on one host. */
    public record HostOutcome(String host, StepOutcome outcome, Integer exitStatus, String reason) {
        /** The one definition of success (see {@link StepOutcome#OK}). */
        public boolean ok() {
            return outcome.ok();
        }

        public boolean notRun() {
            return outcome == StepOutcome.NOT_RUN;
        }
    }

    private record WatchEnd(boolean stable, String how) {
    }

    /** Every host ran the step and ended OK. */
    public static boolean succeeded(Map<String, HostOutcome> outcomes) {
        return !outcomes.isEmpty() && outcomes.values().stream().allMatch(HostOutcome::ok);
    }

    /** A step under way: its per-host outcomes complete when every host is done, skipped or cancelled. */
    public static final class StepRun {
        private final CompletableFuture<Map<String, HostOutcome>> done = new CompletableFuture<>();
        private final Map<String, RemoteCommand> running = new ConcurrentHashMap<>();
        private volatile boolean cancelled;
        private volatile WatchEnd ending;

        public CompletableFuture<Map<String, HostOutcome>> outcomes() {
            return done.copy();
        }

        /**
         * Ends a watch: what streams now is stopped and each host's outcome is OK when {@code stable}, else FAILED,
         * journaled as ended ({@code how}: "operator", "unattended after 3 s") — never as a timeout or a cancel.
         */
        public void end(boolean stable, String how) {
            ending = new WatchEnd(stable, how);
            running.values().forEach(RemoteCommand::cancel);
        }

        /** Stops what runs now; hosts and blocks not started yet are skipped. */
        public void cancel() {
            cancelled = true;
            running.values().forEach(RemoteCommand::cancel);
        }
    }

    /**
     * Checks the step may run (placeholders filled, dangers confirmed by typing the environment name) and
     * starts it. Never blocks the caller beyond the checks.
     */
    public StepRun run(IncidentSession session, Step step, List<Host> hosts, Mode mode, Map<String, String> values,
                       String confirmation, String operator, OutputListener listener) throws StepNotReadyException {
        if (!step.interactiveCommands().isEmpty()) {
            List<String> waiting = step.interactiveCommands().stream().map(f -> f.command()).toList();
            throw new StepNotReadyException("never run blind: " + String.join("; ", waiting)
                    + " waits for a terminal; do it by hand", waiting);
        }
        String environment = session.state().started().environment();
        StepInputs.Prepared prepared = StepInputs.check(step, values, environment, confirmation);
        String exports = EnvInputs.exports(step, values); // environment inputs the operator gave values
        List<String> scripts = prepared.scripts().stream().map(s -> exports + s).toList();
        Map<String, String> used = withInputs(StepInputs.used(step, values), EnvInputs.given(step, values));
        List<Danger> dangers = prepared.dangers();
        StepRun run = new StepRun();
        io.execute(() -> {
            try {
                for (Danger d : dangers) {
                    session.record(new IncidentEvent.DangerConfirmed(step.pathText(),
                            redactor.scrub(d.command()), d.reason(), confirmation.strip(), operator)).get();
                }
                Map<String, HostOutcome> outcomes = new LinkedHashMap<>();
                if (mode == Mode.PARALLEL) {
                    List<CompletableFuture<HostOutcome>> all = hosts.stream()
                            .map(h -> CompletableFuture.supplyAsync(() -> onHost(session, step, h, scripts, used,
                                    run, operator, listener), io)).toList();
                    for (CompletableFuture<HostOutcome> f : all) {
                        HostOutcome o = f.get();
                        outcomes.put(o.host(), o);
                    }
                } else {
                    HostOutcome failed = null;
                    for (Host h : hosts) {
                        HostOutcome o = failed == null && !run.cancelled
                                ? onHost(session, step, h, scripts, used, run, operator, listener)
                                : skip(session, step, h, run.cancelled ? "cancelled by the operator"
                                : "not run: " + failed.host() + " ended " + failed.outcome());
                        outcomes.put(h.name(), o);
                        if (failed == null && !o.ok()) {
                            failed = o; // an unreachable host stops the roll too: the operator decides what next
                        }
                    }
                }
                markRollback(session, step, values, outcomes);
                run.done.complete(outcomes);
            } catch (Exception e) {
                run.done.completeExceptionally(e);
            }
        });
        return run;
    }

    private static Map<String, String> withInputs(Map<String, String> used, Map<String, String> inputs) {
        if (inputs.isEmpty()) {
            return used;
        }
        Map<String, String> both = new LinkedHashMap<>(used == null ? Map.of() : used);
        both.putAll(inputs);
        return both;
    }

    private HostOutcome onHost(IncidentSession session, Step step, Host host, List<String> scripts,
                               Map<String, String> used, StepRun run, String operator, OutputListener listener) {
        String unreachable = connect(host);
        if (unreachable != null) {
            return skip(session, step, host, unreachable);
        }
        // the lock names who the journal signs the run with (the incident's operator at this console), whoever
        // the caller named: the others read "jana is running Step 7", as the shared timeline says
        HostClaim claim = claims.claim(session, step.pathText(), host.name(), session.operator());
        if (!claim.granted()) {
            return skip(session, step, host, claim.refusal());
        }
        try {
            return runScripts(session, step, host, scripts, used, run, listener);
        } finally {
            claims.release(session, step.pathText(), host.name(), claim);
        }
    }

    private HostOutcome runScripts(IncidentSession session, Step step, Host host, List<String> scripts,
                                   Map<String, String> used, StepRun run, OutputListener listener) {
        HostOutcome last = new HostOutcome(host.name(), StepOutcome.OK, 0, "nothing to run");
        for (String rendered : scripts) {
            if (run.ending != null) {
                return last; // the operator ended the watch: the step is over
            }
            if (run.cancelled) {
                return skip(session, step, host, "cancelled by the operator");
            }
            String script = StepInputs.script(rendered);
            String shown = redactor.scrub(script);
            join(session.record(new IncidentEvent.StepStarted(step.pathText(), host.name(), shown, used)));
            StreamRedactor out = new StreamRedactor(redactor);
            StreamRedactor err = new StreamRedactor(redactor);
            OutputExcerpt excerpt = new OutputExcerpt();
            CommandOptions options = new CommandOptions(StepTerminal.wanted(step, host),
                    sudo.responder(host.name(), host.user()));
            sudo.watch(ssh.connection(host));
            RemoteCommand rc = ssh.connection(host).run(script, timeout(step), (h, stream, line) -> {
                String clean = stream == StreamKind.STDOUT ? out.line(line) : err.line(line);
                excerpt.add(stream == StreamKind.STDERR ? "! " : "", clean);
                listener.line(h, stream, clean);
            }, options);
            run.running.put(host.name(), rc);
            if (run.ending != null || run.cancelled) {
                rc.cancel(); // ended or cancelled while it was starting
            }
            ExecResult result = rc.result().join();
            run.running.remove(host.name());
            WatchEnd ended = run.ending;
            if (ended != null && result.outcome() == ExecOutcome.CANCELLED) {
                return endWatch(session, step, host, shown, result, excerpt, ended);
            }
            StepOutcome outcome = StepOutcome.of(result.outcome());
            Map<String, Integer> counts = new LinkedHashMap<>(out.counts());
            err.counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
            join(session.record(new IncidentEvent.StepFinished(step.pathText(), host.name(), shown, outcome,
                    result.exitStatus(), result.duration().toMillis(),
                    result.outcome() == ExecOutcome.TIMEOUT ? "timed out: " + result.reason() : result.reason(),
                    excerpt.text(), counts)));
            last = new HostOutcome(host.name(), outcome, result.exitStatus(), result.reason());
            if (!last.ok()) {
                return last;
            }
        }
        return last;
    }

    /** A watch the operator (or the unattended walk) ended: OK when stable, FAILED when not, never a timeout. */
    private HostOutcome endWatch(IncidentSession session, Step step, Host host, String shown, ExecResult result,
                                 OutputExcerpt excerpt, WatchEnd ended) {
        StepOutcome outcome = ended.stable() ? StepOutcome.OK : StepOutcome.FAILED;
        String reason = "watch ended by " + ended.how() + ": " + (ended.stable() ? "stable" : "not stable");
        join(session.record(new IncidentEvent.WatchEnded(step.pathText(), host.name(), ended.stable(), ended.how(),
                result.duration().toMillis(), session.operator())));
        join(session.record(new IncidentEvent.StepFinished(step.pathText(), host.name(), shown, outcome, null,
                result.duration().toMillis(), reason, excerpt.text(), Map.of())));
        return new HostOutcome(host.name(), outcome, null, reason);
    }

    /** Connects the host if it is not (as a command would); null when connected, else why nothing will run. */
    private String connect(Host host) {
        try {
            ssh.connection(host).connect().join();
            return null;
        } catch (RuntimeException e) {
            String reason = ssh.connection(host).status().reason();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return "not run: " + host.name() + " is not connected: "
                    + (reason != null && !reason.isBlank() ? reason : cause.getMessage());
        }
    }

    /** Journals a host where nothing ran (StepSkipped) and gives its NOT_RUN outcome. */
    private HostOutcome skip(IncidentSession session, Step step, Host host, String reason) {
        join(session.record(new IncidentEvent.StepSkipped(step.pathText(), host.name(), reason)));
        return new HostOutcome(host.name(), StepOutcome.NOT_RUN, null, reason);
    }

    /** A step that used the rollback-to variable and ended OK everywhere marks the rollback done. */
    private static void markRollback(IncidentSession session, Step step, Map<String, String> values,
                                     Map<String, HostOutcome> outcomes) {
        Map<String, String> roles = session.state().variableRoles();
        boolean usesTarget = step.placeholders().stream().filter(p -> p.kind() == Placeholder.Kind.VARIABLE)
                .anyMatch(p -> "rollback-to".equals(roles.get(p.name())));
        boolean allOk = succeeded(outcomes);
        if (usesTarget && allOk && !session.state().milestones().contains("ROLLED_BACK")) {
            String target = roles.entrySet().stream().filter(e -> "rollback-to".equals(e.getValue()))
                    .map(e -> values.get(e.getKey())).findFirst().orElse("?");
            join(session.record(new IncidentEvent.Milestone("ROLLED_BACK", step.pathText() + " → " + target)));
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        return f.join();
    }
}
