package org.incidentconsole.ssh;

/** What the operator sees next to each host. */
public enum ConnectionState {
    DISCONNECTED, CONNECTING, CONNECTED, FAILED
}
