package org.incidentconsole.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.incidentconsole.incident.CommsHistory;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentState;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.inventory.NotifySettings;
import org.incidentconsole.inventory.StatusPageSettings;
import org.incidentconsole.notify.Courier;
import org.incidentconsole.notify.Delivery;
import org.incidentconsole.notify.DeliveryUpdate;
import org.incidentconsole.notify.Outgoing;
import org.incidentconsole.notify.Sender;
import org.incidentconsole.notify.StatusPageSender;
import org.incidentconsole.notify.StatusPhase;
import org.incidentconsole.report.CommsFacts;
import org.incidentconsole.report.CommsTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a comms message for the current incident, as the window and the CLI both do (#21): the message is journaled
 * (signed, on disk) before any channel is tried; then the courier delivers it to each channel, and each channel's
 * settled result is journaled as it settles. Nothing here blocks the calling thread.
 */
public final class CommsService {
    private static final Logger LOG = LoggerFactory.getLogger(CommsService.class);

    private final Supplier<IncidentSession> session;
    private final Supplier<NotifySettings> settings;
    private final Function<NotifyChannel, Sender> senders;
    private final Function<StatusPageSettings, Sender> statusPages;
    private final Courier courier;
    private final Executor io;
    private final Clock clock;

    /**
     * @param session     the incident being worked on (null: none)
     * @param settings    the inventory's {@code notify:} as it stands now
     * @param senders     a channel's sender, e.g. {@code c -> Senders.create(c, secrets)}; called on the caller's thread
     * @param statusPages the status page's sender for the inventory's {@code status_page:} (its channel answers
     *                    {@value CommsHistory#STATUS_PAGE}); it finds the status to move to in the message's facts
     *                    ({@code phase}) and the page's incident, once opened, in {@code status_page_ref}
     * @param io          where deliveries are started, off the journal's writer thread
     */
    public CommsService(Supplier<IncidentSession> session, Supplier<NotifySettings> settings,
                        Function<NotifyChannel, Sender> senders, Function<StatusPageSettings, Sender> statusPages,
                        Courier courier, Executor io, Clock clock) {
        this.session = session;
        this.settings = settings;
        this.senders = senders;
        this.statusPages = statusPages;
        this.courier = courier;
        this.io = io;
        this.clock = clock;
    }

    /** The template filled from the journal (no runbook step); null without an incident. */
    public CommsTemplate.Filled fill(CommsTemplate template) {
        IncidentSession s = session.get();
        return s == null ? null : template.fill(CommsFacts.of(s.state(), clock.instant(),
                settings.get().updateEvery()));
    }

    /** As {@link #send(String, String, String, List, StatusPhase, Consumer)}, without watching the deliveries. */
    public CompletableFuture<Delivery> send(String template, String subject, String text, List<String> channels,
                                            StatusPhase phase) {
        return send(template, subject, text, channels, phase, u -> { });
    }

    /**
     * Journals the message, then delivers it. The future completes with the delivery under way once the message is
     * on disk; its {@link Delivery#finished()} completes once every channel's result is on disk too. Fails with
     * {@link IllegalArgumentException} for an unknown template or channel (nothing journaled), with
     * {@link IllegalStateException} without an incident.
     *
     * @param template a {@link CommsTemplate} word ("initial", "progress", "rollback", "resolved", "free")
     * @param channels channel names from the inventory, or {@value CommsHistory#STATUS_PAGE}
     * @param phase    the status page status the message moves to, or null
     * @param updates  each change of a channel's delivery, on a worker thread
     */
    public CompletableFuture<Delivery> send(String template, String subject, String text, List<String> channels,
                                            StatusPhase phase, Consumer<DeliveryUpdate> updates) {
        IncidentSession s = session.get();
        List<Sender> chosen;
        try {
            if (s == null) {
                throw new IllegalStateException("no incident is open: start or resume one before sending comms");
            }
            if (CommsTemplate.byWord(template).isEmpty()) {
                throw new IllegalArgumentException("no message template '" + template + "': use one of "
                        + String.join(", ", Arrays.stream(CommsTemplate.values()).map(CommsTemplate::word).toList()));
            }
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("the message is empty: write what to tell the team");
            }
            chosen = senders(channels);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        String word = CommsTemplate.byWord(template).orElseThrow().word();
        String id = UUID.randomUUID().toString();
        Map<String, String> facts = facts(s.state(), word, subject, text, phase);
        IncidentEvent.MessagePosted posted = new IncidentEvent.MessagePosted(id, word,
                subject == null ? "" : subject.strip(), text.strip(), chosen.stream().map(Sender::channel).toList(),
                phase == null ? null : phase.label(), s.operator());
        return s.record(posted).thenApplyAsync(r -> {
            // what goes out is what the journal holds: the subject and text as redacted there
            IncidentEvent.MessagePosted kept = (IncidentEvent.MessagePosted) r.data();
            facts.put("subject", kept.subject() == null ? "" : kept.subject());
            facts.put("text", kept.text());
            return deliver(s, id, new Outgoing(facts.get("subject"), kept.text(), facts), chosen, updates);
        }, io);
    }

    /**
     * What {@code channel} would be sent, every secret masked: the same facts and sender as {@link #send}, nothing
     * journaled or sent. Blocks only as the sender's preview does.
     */
    public String preview(String template, String subject, String text, String channel, StatusPhase phase) {
        IncidentSession s = session.get();
        if (s == null) {
            throw new IllegalStateException("no incident is open: start or resume one before sending comms");
        }
        String word = CommsTemplate.byWord(template).map(CommsTemplate::word).orElse(template);
        Map<String, String> facts = facts(s.state(), word, subject, text, phase);
        return senders(List.of(channel)).get(0).preview(new Outgoing(facts.get("subject"), facts.get("text"), facts));
    }

    private Map<String, String> facts(IncidentState state, String word, String subject, String text,
                                      StatusPhase phase) {
        return facts(CommsFacts.of(state, clock.instant(), settings.get().updateEvery()), word, subject, text, phase,
                state.comms().statusPageRef());
    }

    /**
     * The facts a message carries, for the window and the {@code notify} command alike: the incident's, its words
     * (subject and text stripped), the status page's phase, and the page's incident once the journal knows it (so a
     * later post updates it, never opens a second one).
     */
    static Map<String, String> facts(CommsFacts incident, String word, String subject, String text, StatusPhase phase,
                                     String statusPageRef) {
        Map<String, String> facts = new LinkedHashMap<>(incident.values(word, subject == null ? "" : subject.strip(),
                text == null ? "" : text.strip()));
        if (phase != null) {
            facts.put(StatusPageSender.PHASE_FACT, phase.label());
        }
        if (statusPageRef != null) {
            facts.put(StatusPageSender.REF_FACT, statusPageRef);
        }
        return facts;
    }

    private List<Sender> senders(List<String> channels) {
        if (channels == null || channels.isEmpty()) {
            throw new IllegalArgumentException("no channel chosen: choose at least one to send to");
        }
        NotifySettings notify = settings.get();
        List<Sender> chosen = new ArrayList<>();
        for (String name : new LinkedHashSet<>(channels)) {
            if (CommsHistory.STATUS_PAGE.equals(name) && notify.channel(name).isEmpty()) {
                if (notify.statusPage() == null) {
                    throw new IllegalArgumentException("no status page is set up under notify: in the inventory");
                }
                chosen.add(statusPages.apply(notify.statusPage()));
                continue;
            }
            NotifyChannel channel = notify.channel(name).orElseThrow(() -> new IllegalArgumentException(
                    "no channel named '" + name + "' under notify: in the inventory (it has "
                            + (notify.channels().isEmpty() ? "none" : String.join(", ",
                            notify.channels().stream().map(NotifyChannel::name).toList())) + ")"));
            chosen.add(senders.apply(channel));
        }
        return chosen;
    }

    private Delivery deliver(IncidentSession s, String id, Outgoing message, List<Sender> chosen,
                             Consumer<DeliveryUpdate> updates) {
        Map<String, CompletableFuture<JournalRecord>> journaled = new ConcurrentHashMap<>();
        Consumer<DeliveryUpdate> settle = u -> {
            if (u.state().finished()) {
                journaled.computeIfAbsent(u.channel(), c -> s.record(new IncidentEvent.MessageDelivery(id,
                        u.channel(), u.state().name().toLowerCase(Locale.ROOT), u.status(), u.reason(),
                        u.attempt(), u.ref())));
            }
        };
        Delivery delivery = courier.send(message, chosen, u -> {
            settle.accept(u);
            try {
                updates.accept(u);
            } catch (RuntimeException e) {
                LOG.warn("a delivery watcher failed", e);
            }
        });
        CompletableFuture<List<DeliveryUpdate>> finished = delivery.finished().thenCompose(last -> {
            last.forEach(settle); // a channel whose last change was not told still gets its result journaled
            return CompletableFuture.allOf(journaled.values().toArray(CompletableFuture[]::new))
                    .thenApply(v -> last);
        });
        return new Journaled(delivery, finished);
    }

    /** The courier's delivery, finished once each channel's result is on disk. */
    private record Journaled(Delivery delivery, CompletableFuture<List<DeliveryUpdate>> done) implements Delivery {
        @Override
        public void cancel(String channel) {
            delivery.cancel(channel);
        }

        @Override
        public CompletableFuture<List<DeliveryUpdate>> finished() {
            return done;
        }
    }
}
