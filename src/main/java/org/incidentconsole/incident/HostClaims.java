package org.incidentconsole.incident;

import java.util.List;

/**
 * Whether this console may run a step on a host now (#22 run locks): asked by the step runner before each host's
 * run, released when that host's run ends. Unshared incidents use {@link #NONE}: every claim is granted, nothing is
 * held anywhere. Implementations may block briefly (a Redis round trip): the runner calls them off the FX thread.
 * The runner journals what a claim says (RunLockTaken, RunLockLost, RunOutcomeUnknown, UnknownRunAcknowledged);
 * implementations journal nothing.
 */
public interface HostClaims {
    /** No coordination: every claim is granted without a lock. */
    HostClaims NONE = (incidentId, step, host, operator) -> HostClaim.UNSHARED;

    /** Claims {@code step} on {@code host} of {@code incidentId} for {@code operator}. Never throws. */
    HostClaim claim(String incidentId, String step, String host, String operator);

    /**
     * The incident's runs whose console vanished mid-run (outcome UNKNOWN until acknowledged), oldest first; empty
     * when unshared or when nobody can tell now (coordination unreachable). Never throws.
     */
    default List<UnknownRun> unknown(String incidentId) {
        return List.of();
    }

    /**
     * Someone looked at {@code host} after the unknown run of {@code step} and found {@code finding}: forgets the
     * unknown run, so the step may run there again. False when there was none (or it could not be reached).
     */
    default boolean acknowledge(String incidentId, String step, String host, String finding, String operator) {
        return false;
    }
}
