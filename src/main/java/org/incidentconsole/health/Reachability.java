package org.incidentconsole.health;

/**
 * Whether a check's host answered, and if not, why. A check that did not reach its host reads UNKNOWN with
 * {@link #value} as its value (what the panel shows and the journal records).
 */
public enum Reachability {
    /** the host answered: the check's value is its reading */
    ANSWERED(null, false),
    /** the host's connection is being made: no result yet */
    CONNECTING("connecting", false),
    /** the host is not connected and the poller may not connect it (see {@link ConnectPolicy}) */
    NOT_CONNECTED("not connected", true),
    /** connecting failed, or the poll was interrupted */
    UNREACHABLE("unreachable", true),
    /** no answer in time: connecting, or the check's own command or request */
    TIMEOUT("TIMEOUT", true);

    private final String value;
    private final boolean unseen;

    Reachability(String value, boolean unseen) {
        this.value = value;
        this.unseen = unseen;
    }

    /** The value a check reads when its host did not answer this way; null for ANSWERED. */
    public String value() {
        return value;
    }

    /** Whether the host counts as not seen, for "cannot see production" (fewer than half the hosts answer). */
    public boolean unseen() {
        return unseen;
    }
}
