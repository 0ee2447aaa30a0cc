package org.incidentconsole.ssh;

/** A host key seen for the first time, as shown to the operator before it is trusted. */
public record UnknownHostKey(String hostName, String address, int port, String keyType, String fingerprint) {
}
