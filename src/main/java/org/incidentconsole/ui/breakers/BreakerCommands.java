package org.incidentconsole.ui.breakers;

import org.incidentconsole.breaker.ActionResult;
import org.incidentconsole.breaker.BreakerCommand;

/** Breaker actions as the panel asks for them; the composition root runs them on the right Redis and journals. */
public interface BreakerCommands {
    /**
     * Blocking: call off the FX thread.
     *
     * @param source  the Redis the breaker was read from (a panel's source label)
     * @param service the breaker's service; null for the every-breaker commands
     */
    ActionResult run(String source, BreakerCommand command, String service) throws Exception;
}
