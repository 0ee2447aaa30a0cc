package org.incidentconsole.ui.approval;

/**
 * Where a request for a second pair of eyes stands, for the requester: {@code by} who decided (null while
 * waiting and for an expiry), {@code reason} the refusal's or waiver's, {@code message} one sentence to show.
 */
public record ApprovalOutcome(Result result, String by, String reason, String message) {

    /** Each state; {@code decided}: the wait is over; {@code allowsRun}: the step may run. */
    public enum Result {
        WAITING(false, false),
        NO_SECOND_OPERATOR(false, false),
        APPROVED(true, true),
        WAIVED(true, true),
        REFUSED(true, false),
        CANCELLED(true, false),
        EXPIRED(true, false),
        UNAVAILABLE(true, false);

        private final boolean decided;
        private final boolean allowsRun;

        Result(boolean decided, boolean allowsRun) {
            this.decided = decided;
            this.allowsRun = allowsRun;
        }

        public boolean decided() {
            return decided;
        }

        public boolean allowsRun() {
            return allowsRun;
        }
    }

    public static final String NO_SECOND_OPERATOR_SENTENCE = "Nobody else is in the incident: ask someone to join, "
            + "or the incident commander can waive it with a reason.";

    public boolean allowsRun() {
        return result.allowsRun();
    }

    public boolean decided() {
        return result.decided();
    }
}
