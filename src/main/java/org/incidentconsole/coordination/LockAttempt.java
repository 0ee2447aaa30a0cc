package org.incidentconsole.coordination;

import java.time.Instant;
import java.util.Optional;

/** The answer to "may this console run this step on this host now?". */
public sealed interface LockAttempt {
    /**
     * The lock is this console's: journal {@code lock.fence()}. {@code replaced}: an earlier run on the same step
     * and host whose console vanished (its outcome is unknown) — journal it too, it is now only in the journal.
     */
    record Granted(RunLock lock, Optional<LockStatus.ExpiredUnknown> replaced) implements LockAttempt {
    }

    /** Another console holds it: show {@code holder.describe(zone)}; its output is in the shared timeline. */
    record Refused(LockStatus.Held holder) implements LockAttempt {
    }

    /**
     * An earlier run on the step and host lost its console ({@code run}; its lock expired at {@code expiredAt}, null
     * when not recorded) and nobody acknowledged it yet: look at the host first (see
     * {@link RunLocks#acknowledge}).
     */
    record Unknown(LockStatus.ExpiredUnknown run, Instant expiredAt) implements LockAttempt {
    }
}
