package org.incidentconsole.ui.comms;

import org.incidentconsole.report.CommsTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.incidentconsole.notify.Delivery;
import org.incidentconsole.notify.DeliveryUpdate;
import org.incidentconsole.notify.StatusPhase;

/** The console's side as the window sees it, with deliveries the test moves along. */
final class ScriptedGateway implements CommsGateway {
    final List<ChannelChoice> channels = new ArrayList<>(List.of(new ChannelChoice("ops", "slack"),
            new ChannelChoice("eng", "mattermost"), new ChannelChoice("mail", "email"),
            ChannelChoice.statusPage()));
    final List<String> sent = new ArrayList<>();
    final List<String> copied = new ArrayList<>();
    final List<String> cancelled = new CopyOnWriteArrayList<>();
    final List<String> previewPhases = new ArrayList<>();
    final Map<String, DeliveryUpdate> last = new LinkedHashMap<>();
    final CompletableFuture<List<DeliveryUpdate>> finished = new CompletableFuture<>();
    Consumer<DeliveryUpdate> updates;
    String unpreviewable;
    String refuse;

    @Override
    public List<ChannelChoice> channels() {
        return List.copyOf(channels);
    }

    @Override
    public Draft fill(CommsTemplate template) {
        return template == CommsTemplate.FREE ? new Draft(template, "", "")
                : new Draft(template, "[P1] Checkout 500s: " + template.word(),
                "We are on it (" + template.word() + ").");
    }

    @Override
    public String preview(String channel, Draft draft, StatusPhase phase) {
        if (channel.equals(unpreviewable)) {
            throw new IllegalStateException("no SMTP host for " + channel);
        }
        previewPhases.add(channel + "=" + phase);
        return channel + " gets '" + draft.text() + "'" + (phase == null ? "" : " as " + phase.label());
    }

    @Override
    public Delivery send(Draft draft, List<String> to, StatusPhase phase, Consumer<DeliveryUpdate> updates) {
        if (refuse != null) {
            throw new IllegalStateException(refuse);
        }
        sent.add(to + " as " + phase + ": " + draft.subject() + " / " + draft.text());
        this.updates = updates;
        return new Delivery() {
            @Override
            public void cancel(String channel) {
                cancelled.add(channel);
            }

            @Override
            public CompletableFuture<List<DeliveryUpdate>> finished() {
                return finished;
            }
        };
    }

    void update(DeliveryUpdate u) {
        last.put(u.channel(), u);
        updates.accept(u);
    }

    void finish() {
        finished.complete(List.copyOf(last.values()));
    }

    @Override
    public void copied(CommsTemplate template, String text) {
        copied.add(template.word() + ": " + text);
    }

    @Override
    public StatusPhase phase() {
        return StatusPhase.IDENTIFIED;
    }
}
