package org.incidentconsole.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;
import org.incidentconsole.coordination.CommanderHandOver;
import org.incidentconsole.coordination.CoordinationKeys;
import org.incidentconsole.coordination.CoordinationRefusedException;
import org.incidentconsole.coordination.CoordinationUnavailableException;
import org.incidentconsole.coordination.PresenceEntry;
import org.incidentconsole.coordination.RunLockClaims;
import org.incidentconsole.coordination.RunLocks;
import org.incidentconsole.coordination.ShareState;
import org.incidentconsole.coordination.SharedEvent;
import org.incidentconsole.coordination.SharedIncident;
import org.incidentconsole.coordination.SharedIncidents;
import org.incidentconsole.incident.HostClaims;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.ui.approval.ApprovalGateway;
import org.incidentconsole.ui.approval.ApprovalReviewDialog;
import org.incidentconsole.ui.approval.ApprovalsViewModel;
import org.incidentconsole.ui.incident.ShareBadge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's side of a shared incident (#22): whenever an incident becomes current and the inventory names a
 * coordination Redis, it is shared ({@link SharedSession}): the step runner takes run locks there, dangerous steps
 * ask a second operator where the inventory requires it, and the bar's badge says with whom, how many approvals
 * wait, or that the shared timeline is offline and how many events wait. Other consoles' events go to
 * {@code others} (the timeline pane). Nothing here blocks the FX thread.
 */
final class WindowShare implements AutoCloseable, ShareBadge.Gateway {
    private static final Logger LOG = LoggerFactory.getLogger(WindowShare.class);
    private static final long PRESENCE_EVERY_MS = 3_000;
    private static final Duration APPROVALS_EVERY = Duration.ofSeconds(2);

    private final Supplier<Inventory> inventory;
    private final CoordinationConnector connector;
    private final StepRunner runner;
    private final ExecutorService io;
    private final ScheduledExecutorService scheduler;
    private final ShareBadge badge;
    private final BiConsumer<String, List<SharedEvent>> others;
    private final Supplier<Window> window;
    private SharedSession shared; // guarded by this
    private ApprovalService approvals;
    private ApprovalsViewModel waiting;
    private ScheduledFuture<?> presenceTask;
    private volatile List<PresenceEntry> present = List.of();
    private volatile String presenceProblem;

    WindowShare(Supplier<Inventory> inventory, CoordinationConnector connector, StepRunner runner,
                ExecutorService io, ScheduledExecutorService scheduler, ShareBadge badge,
                BiConsumer<String, List<SharedEvent>> others, Supplier<Window> window) {
        this.inventory = inventory;
        this.connector = connector;
        this.runner = runner;
        this.io = io;
        this.scheduler = scheduler;
        this.badge = badge;
        this.others = others;
        this.window = window;
    }

    /** The incident now current (any thread): shared if the inventory says where. */
    void incident(IncidentSession session) {
        io.execute(() -> share(session));
    }

    private synchronized void share(IncidentSession session) {
        if (shared != null && shared.session() == session) {
            return;
        }
        stop();
        Inventory inv = inventory.get();
        if (session == null || inv == null || inv.coordination() == null) {
            badge.hide();
            return;
        }
        CoordinationConnector.Connected connected = null;
        try {
            connected = connector.open(inv);
            shared = SharedSession.open(session, connected, io, scheduler, others);
        } catch (CoordinationUnavailableException | JournalException | IOException | RuntimeException e) {
            if (connected != null) {
                connected.close();
            }
            LOG.warn("Incident {} not shared: {}", session.id(), e.getMessage());
            badge.show("not shared", "The incident is not shared: " + e.getMessage(), ShareBadge.Level.OFFLINE);
            return;
        }
        SharedSession now = shared;
        runner.useClaims(new RunLockClaims(now.redis(), id -> CoordinationKeys.of(now.endpoint(), id),
                now.console(), RunLocks.DEFAULT_TTL, scheduler, Clock.systemUTC(), ZoneId.systemDefault()));
        approvals = ApprovalService.of(now, inv.approvalRequired(), scheduler);
        waiting = new ApprovalsViewModel(Platform::runLater, io, approvals, Clock.systemDefaultZone());
        waiting.labelProperty().addListener((obs, old, text) -> badge.approvals(text));
        waiting.poll(scheduler, APPROVALS_EVERY);
        now.timeline().addStateListener(state -> show(now));
        session.addListener(state -> {
            if (state.resolved()) {
                io.execute(now::resolved);
            }
        });
        presenceTask = scheduler.scheduleWithFixedDelay(() -> io.execute(() -> readPresence(now)), 0,
                PRESENCE_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** The approvals of the shared incident, or null while it is not shared (the step pane's gate asks). */
    synchronized ApprovalGateway approvals() {
        return approvals;
    }

    @Override
    public void reviewApprovals() {
        ApprovalsViewModel now;
        synchronized (this) {
            now = waiting;
        }
        if (now == null) {
            return;
        }
        ApprovalReviewDialog review = ApprovalReviewDialog.ofOldest(window.get(), now);
        if (review != null) {
            review.show();
        }
    }

    private void readPresence(SharedSession from) {
        try {
            present = from.presence().present();
            from.keepListed();
            presenceProblem = null;
        } catch (CoordinationUnavailableException e) {
            presenceProblem = e.getMessage();
        }
        show(from);
    }

    private void show(SharedSession from) {
        synchronized (this) {
            if (shared != from) {
                return;
            }
        }
        ShareState state = from.timeline().state();
        List<PresenceEntry> who = present;
        StringBuilder detail = new StringBuilder("Shared on " + from.label() + " as console " + from.console());
        who.forEach(p -> detail.append('\n').append(p.describe()).append(p.console().equals(from.console())
                ? " — this console" : ""));
        if (!state.online()) {
            detail.append("\n\n").append(state.problem()).append("\nThis console's events wait in memory and in"
                    + " its journal; they are sent in order when the coordination Redis is back. Steps do not run"
                    + " meanwhile: nobody can tell whether another console runs them.");
            badge.show(state.describe(), detail.toString(), ShareBadge.Level.OFFLINE);
            return;
        }
        if (presenceProblem != null) {
            detail.append("\n\n").append(presenceProblem);
        }
        String names = who.isEmpty() ? "only this console" : String.join(", ", who.stream()
                .map(WindowShare::seat).toList());
        badge.show("shared · " + names + (state.waiting() > 0 ? " · sending " + state.waiting() : ""),
                detail.toString(), ShareBadge.Level.SHARED);
    }

    /** "jana (IC)", "ali", "ola (comms)": the bar is narrow; the tooltip has the whole entry. */
    static String seat(PresenceEntry p) {
        return switch (p.role()) {
            case INCIDENT_COMMANDER -> p.operator() + " (IC)";
            case OPERATOR -> p.operator();
            default -> p.operator() + " (" + p.role().label() + ")";
        };
    }

    @Override
    public CompletableFuture<String> handOverCommander(String to) {
        return CompletableFuture.supplyAsync(() -> {
            SharedSession s = current();
            if (s == null) {
                throw new IllegalStateException("this incident is not shared");
            }
            try {
                CommanderHandOver done = s.presence().handOver(s.session().operator(), to);
                s.session().record(new IncidentEvent.CommanderHandedOver(done.from(), done.to(), done.by())).join();
                return done.to() + " is incident commander now";
            } catch (CoordinationUnavailableException | CoordinationRefusedException e) {
                throw new CompletionException(e.getMessage(), e);
            }
        }, io);
    }

    /** What this console does now, for the others' bars: {@code step} on {@code hosts}; null step: idle. */
    void doing(String step, List<String> hosts) {
        SharedSession s = current();
        if (s == null) {
            return;
        }
        io.execute(() -> {
            try {
                if (step == null) {
                    s.presence().idle();
                } else {
                    s.presence().doing(step, hosts);
                }
            } catch (CoordinationUnavailableException | IllegalStateException e) {
                LOG.debug("Presence not updated: {}", e.getMessage());
            }
        });
    }

    /**
     * The environment's shared incidents this console can join (those it does not hold already). Blocking; empty
     * when the inventory names no coordination Redis or it cannot be reached (logged).
     */
    List<SharedIncident> joinable(String environment, Set<String> local) {
        Inventory inv = inventory.get();
        if (inv == null || inv.coordination() == null) {
            return List.of();
        }
        try (CoordinationConnector.Connected c = connector.open(inv)) {
            return new SharedIncidents(c.redis(), c.endpoint()).open(environment).stream()
                    .filter(s -> !local.contains(s.id())).toList();
        } catch (CoordinationUnavailableException e) {
            LOG.warn("Shared incidents could not be listed: {}", e.getMessage());
            return List.of();
        }
    }

    /** The start record of a shared incident, to join it. Blocking. */
    IncidentEvent.Started startOf(String id) throws CoordinationUnavailableException {
        Inventory inv = inventory.get();
        if (inv == null || inv.coordination() == null) {
            throw new IllegalStateException("this console's inventory names no coordination Redis");
        }
        try (CoordinationConnector.Connected c = connector.open(inv)) {
            return new SharedIncidents(c.redis(), c.endpoint()).started(id).orElseThrow(() ->
                    new IllegalStateException("the shared timeline of " + id + " holds no start record (yet)"));
        }
    }

    /** The shared session of the current incident, or null. */
    synchronized SharedSession current() {
        return shared;
    }

    private void stop() {
        runner.useClaims(HostClaims.NONE);
        if (waiting != null) {
            waiting.stop();
            waiting = null;
            badge.approvals("");
        }
        if (approvals != null) {
            approvals.close();
            approvals = null;
        }
        if (presenceTask != null) {
            presenceTask.cancel(false);
            presenceTask = null;
        }
        if (shared != null) {
            shared.close();
            shared = null;
        }
        present = List.of();
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
