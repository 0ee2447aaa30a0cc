package org.incidentconsole.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStatus;
import org.incidentconsole.incident.PanelJournal;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.inventory.NotifySettings;
import org.incidentconsole.notify.Delivery;
import org.incidentconsole.notify.DeliveryUpdate;
import org.incidentconsole.notify.StatusPhase;
import org.incidentconsole.report.CommsTemplate;
import org.incidentconsole.ui.comms.ChannelChoice;
import org.incidentconsole.ui.comms.CommsGateway;
import org.incidentconsole.ui.comms.Draft;
import org.incidentconsole.ui.incident.IncidentBarViewModel;
import org.incidentconsole.ui.incident.StepPosition;

/**
 * The Comms window's gateway in the main window: the inventory's channels, the templates filled from the journal
 * and the runbook position, previews and sends through {@link CommsService} (journaled, then delivered), copies
 * journaled through the panel journal.
 */
final class WindowComms implements CommsGateway {
    private final Supplier<NotifySettings> settings;
    private final CommsService comms;
    private final IncidentBarViewModel bar;
    private final PanelJournal journal;
    private final Supplier<IncidentSession> current;
    private volatile StepPosition position;

    /** Build on the FX thread: the runbook position is followed there and read from any thread. */
    WindowComms(Supplier<NotifySettings> settings, CommsService comms, IncidentBarViewModel bar,
                ObservableValue<StepPosition> position, PanelJournal journal, Supplier<IncidentSession> current) {
        this.settings = settings;
        this.comms = comms;
        this.bar = bar;
        this.journal = journal;
        this.current = current;
        this.position = position.getValue();
        position.addListener((obs, old, now) -> this.position = now);
    }

    @Override
    public List<ChannelChoice> channels() {
        NotifySettings notify = settings.get();
        List<ChannelChoice> choices = new ArrayList<>();
        for (NotifyChannel c : notify.channels()) {
            choices.add(new ChannelChoice(c.name(), c.kind().label()));
        }
        if (notify.statusPage() != null) {
            choices.add(ChannelChoice.statusPage());
        }
        return choices;
    }

    @Override
    public Draft fill(CommsTemplate template) {
        StepPosition p = position;
        CommsTemplate.Filled filled = p == null ? bar.fill(template, 0, 0, null)
                : bar.fill(template, p.number(), p.of(), p.title());
        return filled == null ? new Draft(template, "", "") : new Draft(template, filled.subject(), filled.text());
    }

    @Override
    public String preview(String channel, Draft draft, StatusPhase phase) {
        return comms.preview(draft.template().word(), draft.subject(), draft.text(), channel, phase);
    }

    @Override
    public Delivery send(Draft draft, List<String> channels, StatusPhase phase, Consumer<DeliveryUpdate> updates) {
        try {
            return comms.send(draft.template().word(), draft.subject(), draft.text(), channels, phase, updates).get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(PlainMessage.of(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the message was journaled", e);
        }
    }

    @Override
    public void copied(CommsTemplate template, String text) {
        journal.commsCopied(template.word(), text);
    }

    @Override
    public StatusPhase phase() {
        IncidentSession s = current.get();
        IncidentStatus status = s == null ? null : s.state().lifecycle().status();
        return status == null ? StatusPhase.INVESTIGATING
                : StatusPhase.fromWord(status.label()).orElse(StatusPhase.INVESTIGATING);
    }
}
