package org.incidentconsole.incident;

/**
 * Whether this console may run a step on a host now (#22 run locks): asked by the step runner before each host's
 * run, released when that host's run ends. Unshared incidents use {@link #NONE}: every claim is granted, nothing is
 * held anywhere. Implementations may block briefly (a Redis round trip): the runner calls them off the FX thread.
 */
public interface HostClaims {
    /** No coordination: every claim is granted without a lock. */
    HostClaims NONE = (incidentId, step, host, operator) -> HostClaim.UNSHARED;

    /** Claims {@code step} on {@code host} of {@code incidentId} for {@code operator}. Never throws. */
    HostClaim claim(String incidentId, String step, String host, String operator);
}
