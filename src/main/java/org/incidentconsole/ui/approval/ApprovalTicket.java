package org.incidentconsole.ui.approval;

import java.util.concurrent.CompletableFuture;
import org.incidentconsole.coordination.ApprovalRequest;

/**
 * A request just asked: the request as the other consoles see it (null when it could not be asked), where it
 * stands now (WAITING, NO_SECOND_OPERATOR, or UNAVAILABLE), and the outcome once decided, expired or cancelled
 * (completed after the requester's journal holds it).
 */
public record ApprovalTicket(ApprovalRequest request, ApprovalOutcome now, CompletableFuture<ApprovalOutcome> outcome) {
}
