package org.incidentconsole.app;

import java.util.concurrent.Executor;
import org.incidentconsole.breaker.ActionResult;
import org.incidentconsole.breaker.BreakerCommand;
import org.incidentconsole.breaker.RedisUnavailableException;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.PanelJournalEvents;
import org.incidentconsole.redact.Redactor;

/** Runs the operator's breaker commands on the Redis a panel was read from, and journals what each did. */
public final class BreakerActionService {
    private final LivePanels panels;
    private final PanelJournalEvents events;
    private final Executor io;

    public BreakerActionService(LivePanels panels, Redactor redactor, Executor io) {
        this.panels = panels;
        this.events = new PanelJournalEvents(redactor);
        this.io = io;
    }

    /**
     * Runs {@code command} and journals every key's before and after into {@code journal}; the panel then polls
     * at once, so the change shows now rather than at the next poll. Blocking: call off the FX thread.
     *
     * @param source  the Redis the breaker was read from (a panel's source label)
     * @param service the breaker's service; ignored by the every-breaker commands
     * @throws RedisUnavailableException when that Redis is not connected, or the command could not run
     */
    public ActionResult run(String source, BreakerCommand command, String service, IncidentSession journal)
            throws RedisUnavailableException {
        LivePanels.ConnectedRedis redis = panels.redis(source);
        if (redis == null) {
            throw new RedisUnavailableException(source + " is not connected", null);
        }
        ActionResult result = command.apply(redis.actions(), service);
        for (var event : events.of(result)) {
            journal.record(event).join();
        }
        io.execute(redis.monitor()::poll);
        return result;
    }
}
