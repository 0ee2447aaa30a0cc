package org.incidentconsole.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStatus;
import org.incidentconsole.incident.PanelJournal;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.notify.Delivery;
import org.incidentconsole.notify.DeliveryUpdate;
import org.incidentconsole.notify.StatusPhase;
import org.incidentconsole.ui.comms.ChannelChoice;
import org.incidentconsole.ui.comms.CommsGateway;
import org.incidentconsole.ui.comms.Draft;
import org.incidentconsole.report.CommsTemplate;
import org.incidentconsole.ui.incident.IncidentBarViewModel;
import org.incidentconsole.ui.incident.StepPosition;

/**
 * The Comms window's gateway in the main window: the inventory's channels, the bar's comms templates, copies
 * journaled. Preview and Send say they are not wired yet: #21's CommsService (journal, senders, courier) takes this
 * class's place once it is merged.
 */
final class WindowComms implements CommsGateway {
    private static final String NOT_YET = "sending from the console is not wired in yet; Copy puts the text on "
            + "the clipboard";

    private final WindowInventory inventory;
    private final IncidentBarViewModel bar;
    private final PanelJournal journal;
    private final Supplier<IncidentSession> current;
    private volatile StepPosition position;

    /** Build on the FX thread: the runbook position is followed there and read from any thread. */
    WindowComms(WindowInventory inventory, IncidentBarViewModel bar, ObservableValue<StepPosition> position,
                PanelJournal journal, Supplier<IncidentSession> current) {
        this.inventory = inventory;
        this.bar = bar;
        this.journal = journal;
        this.current = current;
        this.position = position.getValue();
        position.addListener((obs, old, now) -> this.position = now);
    }

    @Override
    public List<ChannelChoice> channels() {
        Inventory inv = inventory.current();
        List<ChannelChoice> choices = new ArrayList<>();
        if (inv != null) {
            for (NotifyChannel c : inv.comms().channels()) {
                choices.add(new ChannelChoice(c.name(), c.kind().label()));
            }
            if (inv.comms().statusPage() != null) {
                choices.add(ChannelChoice.statusPage());
            }
        }
        return choices;
    }

    @Override
    public Draft fill(CommsTemplate template) {
        StepPosition p = position;
        String text = switch (template) {
            case INITIAL, ROLLBACK -> bar.comms(template.word(), 0, 0, "");
            case PROGRESS -> p == null ? bar.comms("progress", 0, 0, "no runbook open yet")
                    : bar.comms("progress", p.number(), p.of(), p.title());
            case RESOLVED -> bar.details() == null ? "" : "[" + bar.details().severity() + "] "
                    + bar.details().title() + ": resolved.";
            case FREE -> "";
        };
        text = text == null ? "" : text;
        return new Draft(template, text.lines().findFirst().orElse(""), text);
    }

    @Override
    public String preview(String channel, Draft draft, StatusPhase phase) {
        throw new UnsupportedOperationException(NOT_YET);
    }

    @Override
    public Delivery send(Draft draft, List<String> channels, StatusPhase phase, Consumer<DeliveryUpdate> updates) {
        throw new UnsupportedOperationException(NOT_YET);
    }

    @Override
    public void copied(CommsTemplate template, String text) {
        journal.commsCopied(template.word(), text);
    }

    @Override
    public StatusPhase phase() {
        IncidentSession s = current.get();
        IncidentStatus status = s == null ? null : s.state().lifecycle().status();
        return status == null ? StatusPhase.INVESTIGATING : StatusPhase.valueOf(status.name());
    }
}
