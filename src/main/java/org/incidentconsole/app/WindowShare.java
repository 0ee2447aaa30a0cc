package org.incidentconsole.app;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.incidentconsole.coordination.CommanderHandOver;
import org.incidentconsole.coordination.CoordinationEndpoint;
import org.incidentconsole.coordination.CoordinationRedis;
import org.incidentconsole.coordination.CoordinationRefusedException;
import org.incidentconsole.coordination.CoordinationUnavailableException;
import org.incidentconsole.coordination.PresenceEntry;
import org.incidentconsole.coordination.ShareState;
import org.incidentconsole.coordination.SharedEvent;
import org.incidentconsole.coordination.SharedIncident;
import org.incidentconsole.coordination.SharedIncidents;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.inventory.CoordinationSettings;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.ui.incident.ShareBadge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's side of a shared incident (#22): whenever an incident becomes current and the inventory names a
 * coordination Redis, it is shared ({@link SharedSession}); the bar's badge says with whom, or that the shared
 * timeline is offline and how many events wait. Other consoles' events go to {@code others} (the timeline pane).
 * Nothing here runs on the FX thread.
 */
final class WindowShare implements AutoCloseable, ShareBadge.Gateway {
    private static final Logger LOG = LoggerFactory.getLogger(WindowShare.class);
    private static final long PRESENCE_EVERY_MS = 3_000;

    private final Supplier<Inventory> inventory;
    private final Map<String, String> env;
    private final ExecutorService io;
    private final ScheduledExecutorService scheduler;
    private final ShareBadge badge;
    private final BiConsumer<String, List<SharedEvent>> others;
    private SharedSession shared; // guarded by this
    private ScheduledFuture<?> presenceTask;
    private volatile List<PresenceEntry> present = List.of();
    private volatile String presenceProblem;

    WindowShare(Supplier<Inventory> inventory, Map<String, String> env, ExecutorService io,
                ScheduledExecutorService scheduler, ShareBadge badge, BiConsumer<String, List<SharedEvent>> others) {
        this.inventory = inventory;
        this.env = env;
        this.io = io;
        this.scheduler = scheduler;
        this.badge = badge;
        this.others = others;
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
        CoordinationSettings settings = inv == null ? null : inv.coordination();
        if (session == null || settings == null) {
            badge.hide();
            return;
        }
        try {
            CoordinationEndpoint endpoint = endpoint(settings);
            String label = settings.host() + ":" + settings.port() + " db " + settings.db()
                    + (settings.via() == null ? "" : " via " + settings.via());
            shared = SharedSession.open(session, endpoint, label, io, scheduler, others);
            SharedSession now = shared;
            now.timeline().addStateListener(state -> show(now));
            session.addListener(state -> {
                if (state.resolved()) {
                    io.execute(now::resolved);
                }
            });
            presenceTask = scheduler.scheduleWithFixedDelay(() -> io.execute(() -> readPresence(now)), 0,
                    PRESENCE_EVERY_MS, TimeUnit.MILLISECONDS);
        } catch (JournalException | IllegalArgumentException e) {
            LOG.warn("Incident {} not shared: {}", session.id(), e.getMessage());
            badge.show("not shared", "The incident is not shared: " + e.getMessage(), ShareBadge.Level.OFFLINE);
        }
    }

    /** The inventory's coordination Redis, reached directly. */
    private CoordinationEndpoint endpoint(CoordinationSettings c) {
        if (c.via() != null) {
            throw new IllegalArgumentException("a coordination Redis through via: " + c.via() + " is not reached"
                    + " from the window yet");
        }
        String password = null;
        if (c.passwordEnv() != null) {
            password = env.get(c.passwordEnv());
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException("the coordination Redis password is not set: export "
                        + c.passwordEnv());
            }
        }
        return new CoordinationEndpoint(c.host(), c.port(), c.db(), password, c.tls(), c.prefix());
    }

    private void readPresence(SharedSession from) {
        try {
            present = from.presence().present();
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
                    + " its journal; they are sent in order when the coordination Redis is back.");
            badge.show(state.describe(), detail.toString(), ShareBadge.Level.OFFLINE);
            return;
        }
        if (presenceProblem != null) {
            detail.append("\n\n").append(presenceProblem);
        }
        String names = who.isEmpty() ? "only this console" : String.join(", ", who.stream()
                .map(p -> p.operator() + " (" + p.role().label() + ")").toList());
        badge.show("shared · " + names + (state.waiting() > 0 ? " · sending " + state.waiting() : ""),
                detail.toString(), ShareBadge.Level.SHARED);
    }

    /**
     * The environment's shared incidents this console can join (those it does not hold already). Blocking; empty
     * when the inventory names no coordination Redis or it cannot be reached (logged).
     */
    List<SharedIncident> joinable(String environment, Set<String> local) {
        Inventory inv = inventory.get();
        CoordinationSettings settings = inv == null ? null : inv.coordination();
        if (settings == null) {
            return List.of();
        }
        CoordinationEndpoint endpoint;
        try {
            endpoint = endpoint(settings);
        } catch (IllegalArgumentException e) {
            LOG.warn("Shared incidents could not be listed: {}", e.getMessage());
            return List.of();
        }
        try (CoordinationRedis redis = new CoordinationRedis(endpoint)) {
            return new SharedIncidents(redis, endpoint).open(environment).stream()
                    .filter(s -> !local.contains(s.id())).toList();
        } catch (CoordinationUnavailableException e) {
            LOG.warn("Shared incidents could not be listed: {}", e.getMessage());
            return List.of();
        }
    }

    /** The start record of a shared incident, to join it. Blocking. */
    IncidentEvent.Started startOf(String id) throws CoordinationUnavailableException {
        Inventory inv = inventory.get();
        CoordinationSettings settings = inv == null ? null : inv.coordination();
        if (settings == null) {
            throw new IllegalStateException("this console's inventory names no coordination Redis");
        }
        CoordinationEndpoint endpoint = endpoint(settings);
        try (CoordinationRedis redis = new CoordinationRedis(endpoint)) {
            return new SharedIncidents(redis, endpoint).started(id).orElseThrow(() -> new IllegalStateException(
                    "the shared timeline of " + id + " holds no start record (yet)"));
        }
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

    /** The shared session of the current incident, or null. */
    synchronized SharedSession current() {
        return shared;
    }

    private void stop() {
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
