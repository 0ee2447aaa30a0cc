package org.incidentconsole.ui.comms;

import org.incidentconsole.report.CommsTemplate;
import java.util.List;
import java.util.function.Consumer;
import org.incidentconsole.notify.Delivery;
import org.incidentconsole.notify.DeliveryUpdate;
import org.incidentconsole.notify.StatusPhase;

/**
 * What the Comms window needs from the console: the composition root implements it over the inventory's
 * {@code notify:}, the comms templates and the service that journals and delivers. Every method may block (journal
 * state, secret prompts): the window calls them off the FX thread.
 */
public interface CommsGateway {
    /** The inventory's channels in file order, then the status page ({@link ChannelChoice#STATUS_PAGE}) if any. */
    List<ChannelChoice> channels();

    /** The template filled with the live incident's facts (title, severity, status, step, rollback, next update). */
    Draft fill(CommsTemplate template);

    /** What {@code channel} would be sent for {@code draft}, every secret masked; {@code phase} for the status page. */
    String preview(String channel, Draft draft, StatusPhase phase);

    /**
     * Journals the message, then delivers it to {@code channels} without waiting: each change of a channel's
     * delivery is told to {@code updates} (on a worker thread). {@code phase}: the status page's status, null when
     * the status page is not among the channels.
     */
    Delivery send(Draft draft, List<String> channels, StatusPhase phase, Consumer<DeliveryUpdate> updates);

    /** Journals a message copied to the clipboard instead of sent. */
    void copied(CommsTemplate template, String text);

    /** The status page phase that matches the incident's status now (preselected in the window). */
    StatusPhase phase();
}
