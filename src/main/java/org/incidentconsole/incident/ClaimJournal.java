package org.incidentconsole.incident;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step runner's side of the run locks: asks the {@link HostClaims} in use and journals what they say — the lock
 * taken (with its fence) before the host's first script, the lock found lost at its release, each unknown run once
 * per console (whichever asks first: a refused claim or the step pane's list), and its acknowledgement. Unshared
 * ({@link HostClaims#NONE}) journals nothing.
 */
final class ClaimJournal {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimJournal.class);

    private volatile HostClaims claims = HostClaims.NONE;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    void use(HostClaims claims) {
        this.claims = claims == null ? HostClaims.NONE : claims;
    }

    /** Claims the host for the run; a granted shared claim is journaled (RunLockTaken) before this returns. */
    HostClaim claim(IncidentSession session, String step, String host, String operator) {
        HostClaim claim;
        try {
            claim = claims.claim(session.id(), step, host, operator);
        } catch (RuntimeException e) {
            LOG.warn("Run lock of {} on {} could not be checked", step, host, e);
            claim = HostClaim.refused("not run: the run lock of " + step + " on " + host
                    + " could not be checked (" + e.getMessage() + ")", null);
        }
        if (!claim.granted()) {
            seen(session, claim.unknown());
        } else if (claim.fence() > 0) {
            session.record(new IncidentEvent.RunLockTaken(step, host, claim.fence(), operator)).join();
        }
        return claim;
    }

    /** Ends the host's claim; journals RunLockLost when the lock had gone meanwhile. */
    void release(IncidentSession session, String step, String host, HostClaim claim) {
        String lost;
        try {
            lost = claim.release();
        } catch (RuntimeException e) {
            lost = "not released: " + e.getMessage();
        }
        if (lost != null) {
            session.record(new IncidentEvent.RunLockLost(step, host, claim.fence(), lost)).join();
        }
    }

    List<UnknownRun> unknown(IncidentSession session) {
        List<UnknownRun> runs;
        try {
            runs = claims.unknown(session.id());
        } catch (RuntimeException e) {
            LOG.warn("Unknown runs could not be listed", e);
            return List.of();
        }
        runs.forEach(r -> seen(session, r));
        return runs;
    }

    boolean acknowledge(IncidentSession session, UnknownRun run, String finding, String operator) {
        if (finding == null || finding.isBlank()) {
            throw new IllegalArgumentException("say what you found on " + run.host() + " before acknowledging");
        }
        seen(session, run);
        boolean done = claims.acknowledge(session.id(), run.step(), run.host(), finding.strip(), operator);
        if (done) {
            session.record(new IncidentEvent.UnknownRunAcknowledged(run.step(), run.host(), run.console(),
                    finding.strip(), operator)).join();
        }
        return done;
    }

    private void seen(IncidentSession session, UnknownRun run) {
        if (run != null && seen.add(session.id() + "\n" + run.step() + "\n" + run.host() + "\n" + run.fence())) {
            session.record(run.event()).join();
        }
    }
}
