package org.incidentconsole.ui.runbook;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.incidentconsole.incident.HostClaim;
import org.incidentconsole.incident.HostClaims;
import org.incidentconsole.incident.UnknownRun;

/**
 * Run locks as a table of unknown runs kept in memory, for the step pane's tests (the real ones over Redis are
 * covered by coordination/RunLockedStepTest): a host with an unknown run is refused, acknowledging removes it.
 */
final class UnknownRunTable implements HostClaims {
    private final Map<String, UnknownRun> unknown = new ConcurrentHashMap<>();

    /** jana's console vanished while running {@code step} on {@code host}; its lock expired at 14:05:02 UTC. */
    UnknownRun vanished(String step, String host) {
        UnknownRun run = new UnknownRun(step, host, "console-a", "jana", 7, Instant.parse("2026-11-24T14:05:02Z"));
        unknown.put(step + "|" + host, run);
        return run;
    }

    @Override
    public HostClaim claim(String incidentId, String step, String host, String operator) {
        UnknownRun run = unknown.get(step + "|" + host);
        return run == null ? HostClaim.UNSHARED : HostClaim.refused(run.refusal(ZoneOffset.UTC), run);
    }

    @Override
    public List<UnknownRun> unknown(String incidentId) {
        return List.copyOf(unknown.values());
    }

    @Override
    public boolean acknowledge(String incidentId, String step, String host, String finding, String operator) {
        return unknown.remove(step + "|" + host) != null;
    }
}
