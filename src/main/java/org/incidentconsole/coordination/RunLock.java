package org.incidentconsole.coordination;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A run lock this console holds on one step and host. Renewed in the background while held; {@link #release()}
 * when the step ends (whatever its outcome). Journal {@link #fence()} with the step's start.
 */
public final class RunLock {
    /** What a release found. */
    public enum Release {
        /** Deleted: the lock was still this console's. */
        RELEASED,
        /** It had expired before the release (renewals failed): nobody else took it meanwhile. */
        EXPIRED_BEFORE_RELEASE,
        /** It had expired and another console holds it now: nothing of theirs was touched. */
        HELD_BY_ANOTHER
    }

    private final RunLocks locks;
    private final LockOwner owner;
    private final String value;
    private final long fence;
    private final CompletableFuture<LockOwner> lost = new CompletableFuture<>();
    private volatile ScheduledFuture<?> keepAlive;

    RunLock(RunLocks locks, LockOwner owner, String value, long fence) {
        this.locks = locks;
        this.owner = owner;
        this.value = value;
        this.fence = fence;
    }

    public LockOwner owner() {
        return owner;
    }

    /** Strictly greater than every fence handed out before in this incident: journal it with the step. */
    public long fence() {
        return fence;
    }

    /** Completes if a renewal finds the lock gone (expired, or another console holds it now). */
    public CompletableFuture<LockOwner> lost() {
        return lost;
    }

    /** Extends the lock by its TTL if it is still this console's; false (and {@link #lost()}) otherwise. */
    public boolean renew() throws CoordinationUnavailableException {
        boolean kept = locks.renew(this);
        if (!kept) {
            stopRenewing();
            lost.complete(owner);
        }
        return kept;
    }

    /** Deletes the lock only if it is still this console's (compare-and-delete), and stops the renewals. */
    public Release release() throws CoordinationUnavailableException {
        stopRenewing();
        return locks.release(this);
    }

    String value() {
        return value;
    }

    String grant() {
        return fence + " " + value;
    }

    void renewWith(ScheduledFuture<?> task) {
        this.keepAlive = task;
    }

    /** Stops the background renewals (the lock then expires after its TTL unless released). */
    void stopRenewing() {
        ScheduledFuture<?> task = keepAlive;
        if (task != null) {
            task.cancel(false);
        }
    }
}
