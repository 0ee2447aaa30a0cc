package org.incidentconsole.health;

/** Whether the health poller may connect a host that is not connected. */
public enum ConnectPolicy {
    /** connect hosts that are not connected, as a command would (the CLI, the unattended walk) */
    CONNECT,
    /**
     * poll only hosts already connected; the others read UNKNOWN "not connected" (the window: connecting stays the
     * operator's act)
     */
    ONLY_CONNECTED
}
