package org.incidentconsole.ui.comms;

import org.incidentconsole.report.CommsTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.incidentconsole.notify.Courier;
import org.incidentconsole.notify.Delivery;
import org.incidentconsole.notify.DeliveryUpdate;
import org.incidentconsole.notify.Outgoing;
import org.incidentconsole.notify.Sender;
import org.incidentconsole.notify.StatusPhase;

/**
 * The Comms window's gateway for its screen test: channels whose senders do real HTTP to {@link LoopbackHooks},
 * delivered by a courier, templates from a small table; the status page is offered but only previewed.
 */
final class LoopbackGateway implements CommsGateway {
    private final Map<String, Sender> senders = new LinkedHashMap<>();
    private final Map<String, String> kinds = new LinkedHashMap<>();
    private final Courier courier;
    final List<String> copied = new CopyOnWriteArrayList<>();

    LoopbackGateway(Courier courier) {
        this.courier = courier;
    }

    LoopbackGateway channel(String kind, Sender sender) {
        senders.put(sender.channel(), sender);
        kinds.put(sender.channel(), kind);
        return this;
    }

    @Override
    public List<ChannelChoice> channels() {
        List<ChannelChoice> all = new ArrayList<>();
        kinds.forEach((name, kind) -> all.add(new ChannelChoice(name, kind)));
        all.add(ChannelChoice.statusPage());
        return all;
    }

    @Override
    public Draft fill(CommsTemplate template) {
        return switch (template) {
            case INITIAL -> new Draft(template, "[P1] Checkout answers 500",
                    "[P1] Checkout answers 500\nWe are on it. Next update within 15 minutes.");
            case PROGRESS -> new Draft(template, "[P1] Checkout answers 500: step 3 of 7",
                    "[P1] Checkout answers 500: step 3 of 7 — Roll back the release\nElapsed: 12 min.");
            case ROLLBACK -> new Draft(template, "[P1] Checkout answers 500: rollback complete",
                    "Now running v41 (was v42).");
            case RESOLVED -> new Draft(template, "[P1] Checkout answers 500: resolved", "Resolved.");
            case FREE -> new Draft(template, "", "");
        };
    }

    @Override
    public String preview(String channel, Draft draft, StatusPhase phase) {
        if (ChannelChoice.STATUS_PAGE.equals(channel)) {
            return "status page → " + phase.label() + ": " + draft.text();
        }
        return senders.get(channel).preview(outgoing(draft));
    }

    @Override
    public Delivery send(Draft draft, List<String> channels, StatusPhase phase, Consumer<DeliveryUpdate> updates) {
        return courier.send(outgoing(draft), channels.stream().map(senders::get).toList(), updates);
    }

    private static Outgoing outgoing(Draft draft) {
        return new Outgoing(draft.subject(), draft.text(), Map.of("template", draft.template().word()));
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
