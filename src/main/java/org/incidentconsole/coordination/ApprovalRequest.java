package org.incidentconsole.coordination;

import java.time.Instant;
import java.util.List;

/**
 * A dangerous step waiting for a second pair of eyes: the commands as they will run (redacted) on which hosts,
 * who asks from which console, and until when the request stands.
 */
public record ApprovalRequest(String id, String step, List<String> hosts, String commands, String requester,
                              String console, Instant requestedAt, Instant expiresAt) {
    public ApprovalRequest {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }
}
