package org.incidentconsole.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.incidentconsole.coordination.ApprovalDecision;
import org.incidentconsole.coordination.ApprovalDecision.Verdict;
import org.incidentconsole.coordination.ApprovalRequest;
import org.incidentconsole.coordination.Approvals;
import org.incidentconsole.coordination.CoordinationKeys;
import org.incidentconsole.coordination.CoordinationRefusedException;
import org.incidentconsole.coordination.CoordinationUnavailableException;
import org.incidentconsole.coordination.Presence;
import org.incidentconsole.coordination.PresenceEntry;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ui.approval.ApprovalAct;
import org.incidentconsole.ui.approval.ApprovalGateway;
import org.incidentconsole.ui.approval.ApprovalOutcome;
import org.incidentconsole.ui.approval.ApprovalOutcome.Result;
import org.incidentconsole.ui.approval.ApprovalPresence;
import org.incidentconsole.ui.approval.ApprovalTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second pair of eyes for one console of a shared incident: asks, decides and follows approval requests over
 * the incident's {@link Approvals} and {@link Presence}, and journals them on this console — the request when
 * asked, a decision on the console that took it and on the requester's once it learns it (an expiry only there),
 * each decision once per console. The requester's console polls the request's state on {@code scheduler}.
 */
public final class ApprovalService implements ApprovalGateway, AutoCloseable {
    public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(5);
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    /** How long past its expiry a request whose state cannot be read is still followed. */
    private static final Duration UNREACHABLE_GRACE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalService.class);

    private final Approvals approvals;
    private final Presence presence;
    private final IncidentSession session;
    private final String console;
    private final boolean required;
    private final ScheduledExecutorService scheduler;
    private final Duration expiresIn;
    private final Duration pollEvery;
    private final Clock clock;
    private final Set<String> journaled = ConcurrentHashMap.newKeySet();
    private final Set<ScheduledFuture<?>> watches = ConcurrentHashMap.newKeySet();

    /**
     * @param console  this console's id in the incident's presence
     * @param required the inventory requires approval ({@code Inventory.approvalRequired()})
     */
    public ApprovalService(Approvals approvals, Presence presence, IncidentSession session, String console,
                           boolean required, ScheduledExecutorService scheduler, Duration expiresIn,
                           Duration pollEvery, Clock clock) {
        this.approvals = approvals;
        this.presence = presence;
        this.session = session;
        this.console = console;
        this.required = required;
        this.scheduler = scheduler;
        this.expiresIn = expiresIn;
        this.pollEvery = pollEvery;
        this.clock = clock;
    }

    /**
     * The service of the window's shared incident: its Redis, presence, journal and console; requests expire after
     * {@link #DEFAULT_EXPIRY}. {@code required}: {@code Inventory.approvalRequired()}.
     */
    static ApprovalService of(SharedSession shared, boolean required, ScheduledExecutorService scheduler) {
        Approvals approvals = new Approvals(shared.redis(),
                CoordinationKeys.of(shared.endpoint(), shared.session().id()), shared.presence(), new Redactor(),
                Clock.systemUTC());
        return new ApprovalService(approvals, shared.presence(), shared.session(), shared.console(), required,
                scheduler, DEFAULT_EXPIRY, DEFAULT_POLL, Clock.systemUTC());
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public String operator() {
        return session.operator();
    }

    @Override
    public ApprovalTicket request(Step step, List<Host> hosts, List<String> commands) {
        return request(step, hosts, commands, operator());
    }

    /**
     * Asks for approval; journals ApprovalRequested. The ticket says at once whether anyone else may approve
     * (NO_SECOND_OPERATOR otherwise: the request stands, for someone who joins or the commander's waiver).
     */
    public ApprovalTicket request(Step step, List<Host> hosts, List<String> commands, String operator) {
        List<String> names = hosts.stream().map(Host::name).toList();
        ApprovalDecision asked;
        try {
            asked = approvals.request(console, step.title(), names, String.join("\n\n", commands), operator,
                    expiresIn);
        } catch (CoordinationUnavailableException e) {
            ApprovalOutcome down = unavailable(e);
            return new ApprovalTicket(null, down, CompletableFuture.completedFuture(down));
        }
        ApprovalRequest r = asked.request();
        session.record(new IncidentEvent.ApprovalRequested(r.id(), r.step(), r.hosts(), List.copyOf(commands),
                r.expiresAt().toString(), operator)).join();
        ApprovalOutcome now = asked.verdict() == Verdict.REQUESTED_ALONE
                ? new ApprovalOutcome(Result.NO_SECOND_OPERATOR, null, null,
                        ApprovalOutcome.NO_SECOND_OPERATOR_SENTENCE)
                : new ApprovalOutcome(Result.WAITING, null, null, "Waiting for a second operator to approve "
                        + r.step() + " on " + String.join(", ", r.hosts()) + ".");
        return new ApprovalTicket(r, now, follow(r));
    }

    @Override
    public List<ApprovalRequest> pending() throws CoordinationUnavailableException {
        String me = operator();
        Optional<PresenceEntry> mine = presence.present().stream().filter(e -> e.console().equals(console))
                .findFirst();
        if (mine.isEmpty() || !mine.get().role().mayApprove()) {
            return List.of();
        }
        return approvals.pending().stream().filter(r -> !same(r.requester(), me)).toList();
    }

    @Override
    public ApprovalAct approve(String requestId) {
        return act(() -> approvals.approve(requestId, operator()));
    }

    @Override
    public ApprovalAct refuse(String requestId, String reason) {
        if (reason == null || reason.isBlank()) {
            return new ApprovalAct(false, "A refusal needs a reason: say what should change before it runs.");
        }
        return act(() -> approvals.refuse(requestId, operator(), reason));
    }

    @Override
    public ApprovalAct waive(String requestId, String reason) {
        return act(() -> approvals.waive(requestId, operator(), reason));
    }

    @Override
    public ApprovalAct cancel(String requestId) {
        return act(() -> approvals.refuse(requestId, operator(), "withdrawn by the requester"));
    }

    @Override
    public ApprovalPresence presence() {
        try {
            List<PresenceEntry> here = presence.present();
            String me = operator();
            String commander = presence.commander().orElse("");
            boolean other = here.stream().anyMatch(e -> e.role().mayApprove() && !same(e.operator(), me));
            String summary = here.stream().map(e -> e.operator() + " (" + e.role().label() + ")").distinct()
                    .collect(Collectors.joining(", "));
            return new ApprovalPresence(summary.isEmpty() ? "nobody" : summary, same(commander, me), other);
        } catch (CoordinationUnavailableException e) {
            return new ApprovalPresence("unknown: " + e.getMessage(), false, false);
        }
    }

    /** Stops following this console's requests (their outcomes stay as they are). */
    @Override
    public void close() {
        watches.forEach(w -> w.cancel(false));
        watches.clear();
    }

    private interface Decide {
        ApprovalDecision decide() throws CoordinationUnavailableException, CoordinationRefusedException;
    }

    /** Decides on the coordination Redis, then journals the decision here if this act took it. */
    private ApprovalAct act(Decide decide) {
        try {
            ApprovalDecision d = decide.decide();
            boolean took = d.verdict().allowsRun() || d.verdict() == Verdict.REFUSED;
            boolean mine = took && same(d.by(), operator()) && d.at() != null;
            if (mine) {
                journalOnce(d);
            }
            return new ApprovalAct(mine, d.message());
        } catch (CoordinationUnavailableException e) {
            return new ApprovalAct(false, "Not decided: " + e.getMessage());
        } catch (CoordinationRefusedException e) {
            return new ApprovalAct(false, e.getMessage());
        }
    }

    /** The requester's side: polls the request until it is decided or expired, journals it, then completes. */
    private CompletableFuture<ApprovalOutcome> follow(ApprovalRequest r) {
        CompletableFuture<ApprovalOutcome> outcome = new CompletableFuture<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable check = () -> {
            if (outcome.isDone()) {
                return;
            }
            try {
                ApprovalDecision d = approvals.status(r.id());
                if (d.verdict() != Verdict.REQUESTED) {
                    journalOnce(d);
                    outcome.complete(outcomeOf(d));
                }
            } catch (CoordinationUnavailableException e) {
                if (clock.instant().isAfter(r.expiresAt().plus(UNREACHABLE_GRACE))) {
                    outcome.complete(unavailable(e));
                } else {
                    LOG.warn("Approval {} not checked: {}", r.id(), e.getMessage());
                }
            } catch (CoordinationRefusedException | RuntimeException e) {
                LOG.warn("Approval {} cannot be followed", r.id(), e);
                outcome.complete(new ApprovalOutcome(Result.UNAVAILABLE, null, null,
                        "The approval request can no longer be read: the step does not run."));
            }
        };
        task.set(scheduler.scheduleWithFixedDelay(check, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS));
        watches.add(task.get());
        outcome.whenComplete((o, e) -> {
            task.get().cancel(false);
            watches.remove(task.get());
        });
        return outcome;
    }

    /** Journals a decision on this console unless it already did (the act and the follower may both see it). */
    private void journalOnce(ApprovalDecision d) {
        if (!journaled.add(d.request().id())) {
            return;
        }
        ApprovalRequest r = d.request();
        String by = d.verdict() == Verdict.EXPIRED ? null : d.by();
        session.record(new IncidentEvent.ApprovalDecided(r.id(), r.step(), d.verdict().name().toLowerCase(Locale.ROOT),
                r.requester(), d.reason(), by)).join();
    }

    private static ApprovalOutcome outcomeOf(ApprovalDecision d) {
        Result result = switch (d.verdict()) {
            case APPROVED -> Result.APPROVED;
            case WAIVED -> Result.WAIVED;
            case EXPIRED -> Result.EXPIRED;
            case REFUSED -> same(d.by(), d.request().requester()) ? Result.CANCELLED : Result.REFUSED;
            default -> Result.UNAVAILABLE;
        };
        String message = result == Result.CANCELLED ? "You withdrew the request: " + d.request().step()
                + " does not run." : d.message();
        return new ApprovalOutcome(result, result == Result.EXPIRED ? null : d.by(), d.reason(), message);
    }

    private static ApprovalOutcome unavailable(CoordinationUnavailableException e) {
        return new ApprovalOutcome(Result.UNAVAILABLE, null, null,
                "No approval could be asked (" + e.getMessage() + "): the step does not run.");
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }
}
