package org.incidentconsole.coordination;

import java.time.Instant;

/**
 * Where an approval request stands after an act on it; journal it (it names the requester and {@code by}, who
 * acted). Only {@link Verdict#APPROVED} and {@link Verdict#WAIVED} let the step run.
 */
public record ApprovalDecision(ApprovalRequest request, Verdict verdict, String by, String reason, Instant at) {

    /** Each outcome, whether the step may run, and what the operator reads. */
    public enum Verdict {
        REQUESTED(false, "{requester} asks a second operator to approve {step} on {hosts}."),
        REQUESTED_ALONE(false, "Nobody else who can approve has the incident open: ask an operator to join, "
                + "or the incident commander can waive the approval of {step} with a reason."),
        APPROVED(true, "{by} approved {requester}'s {step} on {hosts}."),
        REFUSED(false, "{by} refused {requester}'s {step} on {hosts}: {reason}"),
        SELF_APPROVAL_REFUSED(false, "{by} asked for {step} and cannot approve it too: another operator must."),
        APPROVER_NOT_PRESENT(false, "{by} cannot approve {step}: only an operator or the incident commander "
                + "with the incident open can."),
        EXPIRED(false, "{requester}'s request to run {step} on {hosts} expired before anyone approved it."),
        WAIVED(true, "{by}, incident commander, waived the approval of {requester}'s {step} on {hosts}: {reason}"),
        WAIVER_NOT_COMMANDER(false, "{by} cannot waive the approval of {step}: only the incident commander can."),
        WAIVER_WITHOUT_REASON(false, "A waiver of the approval of {step} needs a typed reason.");

        private final boolean allowsRun;
        private final String template;

        Verdict(boolean allowsRun, String template) {
            this.allowsRun = allowsRun;
            this.template = template;
        }

        public boolean allowsRun() {
            return allowsRun;
        }
    }

    public boolean allowsRun() {
        return verdict.allowsRun;
    }

    /** One sentence for the operator. */
    public String message() {
        return verdict.template.replace("{requester}", request.requester()).replace("{by}", by == null ? "?" : by)
                .replace("{step}", request.step()).replace("{hosts}", String.join(", ", request.hosts()))
                .replace("{reason}", reason == null ? "" : reason);
    }
}
