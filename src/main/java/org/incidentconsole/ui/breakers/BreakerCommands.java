package org.incidentconsole.ui.breakers;

import org.incidentconsole.breaker.ActionResult;

/** Breaker actions as the panel asks for them; the composition root runs them on the right Redis and journals. */
public interface BreakerCommands {
    /**
     * Blocking: call off the FX thread.
     *
     * @param source  the Redis the breaker was read from (a panel's source label)
     * @param action  reset, trip, clear-failures, reset-all, trip-all or clear-rate-limits
     * @param service the breaker's service; null for the "-all" actions
     */
    ActionResult run(String source, String action, String service) throws Exception;
}
