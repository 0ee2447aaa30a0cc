package org.incidentconsole.incident;

import java.util.ArrayList;
import java.util.List;
import org.incidentconsole.breaker.ActionResult;
import org.incidentconsole.health.HealthTransition;
import org.incidentconsole.redact.Redactor;

/** Journal events for what the live panels report: health transitions and breaker actions (values redacted). */
public final class PanelJournalEvents {
    private final Redactor redactor;

    public PanelJournalEvents(Redactor redactor) {
        this.redactor = redactor;
    }

    public IncidentEvent.HealthTransition of(HealthTransition t) {
        return new IncidentEvent.HealthTransition(t.host(), t.check(), t.from() == null ? null : t.from().name(),
                t.to().name(), redactor.scrub(t.value()));
    }

    /** One event per key the action touched, with the values before and after and any error. */
    public List<IncidentEvent.BreakerAction> of(ActionResult result) {
        List<IncidentEvent.BreakerAction> events = new ArrayList<>();
        for (ActionResult.KeyChange c : result.changes()) {
            events.add(new IncidentEvent.BreakerAction(result.action(), redactor.scrub(c.key()),
                    redactor.scrub(c.before()), redactor.scrub(c.after()),
                    c.error() == null ? "ok" : "failed: " + redactor.scrub(c.error())));
        }
        return events;
    }
}
