package org.incidentconsole.coordination;

import java.time.Duration;
import java.time.ZoneId;

/** What the coordination Redis says about one step on one host. */
public sealed interface LockStatus {
    /** One sentence for the operator, times in {@code zone}. */
    String describe(ZoneId zone);

    /** Nobody runs it, and no lock on it expired unreleased. */
    record Free(String step, String host) implements LockStatus {
        @Override
        public String describe(ZoneId zone) {
            return "Nobody is running " + step + " on " + host + ".";
        }
    }

    /** A console holds the lock now; {@code remaining} until it expires unless renewed. */
    record Held(LockOwner owner, long fence, Duration remaining) implements LockStatus {
        @Override
        public String describe(ZoneId zone) {
            return owner.operator() + " is running " + owner.step() + " on " + owner.host() + " (since "
                    + owner.sinceIn(zone) + ").";
        }
    }

    /**
     * The lock expired without a release: its console vanished mid-step (killed, crashed, cut off), so the
     * step's outcome on that host is UNKNOWN until someone looks and acknowledges it.
     */
    record ExpiredUnknown(LockOwner owner, long fence) implements LockStatus {
        @Override
        public String describe(ZoneId zone) {
            return owner.operator() + "'s run of " + owner.step() + " on " + owner.host() + " (since "
                    + owner.sinceIn(zone) + ") lost its console before it finished: the outcome on " + owner.host()
                    + " is UNKNOWN until someone looks.";
        }
    }
}
