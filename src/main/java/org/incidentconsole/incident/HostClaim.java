package org.incidentconsole.incident;

/**
 * The answer to one {@link HostClaims#claim}: granted (run, then {@link #release}), or refused with the sentence
 * the operator reads ("jana is running Step 5 on web-01 (since 14:02:11)").
 */
public interface HostClaim {
    /** The claim of an unshared incident: granted, fence 0, nothing to release. */
    HostClaim UNSHARED = new HostClaim() {
        @Override
        public boolean granted() {
            return true;
        }

        @Override
        public long fence() {
            return 0;
        }

        @Override
        public String refusal() {
            return null;
        }

        @Override
        public String release() {
            return null;
        }
    };

    boolean granted();

    /** The fencing number of a granted shared claim (journal it), 0 when unshared or refused. */
    long fence();

    /** Why it was refused, in one sentence; null when granted. */
    String refusal();

    /** Ends a granted claim; returns why it had been lost meanwhile (journal it), or null. */
    String release();

    /** The run whose console vanished that refused this claim (journal it once), or null. */
    default UnknownRun unknown() {
        return null;
    }

    /** A refusal for {@code sentence} ("not run: …"), with the unknown run behind it or null. */
    static HostClaim refused(String sentence, UnknownRun unknown) {
        return new HostClaim() {
            @Override
            public boolean granted() {
                return false;
            }

            @Override
            public long fence() {
                return 0;
            }

            @Override
            public String refusal() {
                return sentence;
            }

            @Override
            public String release() {
                return null;
            }

            @Override
            public UnknownRun unknown() {
                return unknown;
            }
        };
    }
}
