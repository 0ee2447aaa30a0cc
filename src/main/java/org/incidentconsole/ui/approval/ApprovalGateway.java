package org.incidentconsole.ui.approval;

import java.util.List;
import org.incidentconsole.coordination.ApprovalRequest;
import org.incidentconsole.coordination.CoordinationUnavailableException;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.runbook.Step;

/**
 * What the approval dialogs need from the console's shared incident: the composition root implements it over the
 * incident's approvals and presence (app/ApprovalService). Every method may block on the coordination Redis: the
 * window calls them off the FX thread.
 */
public interface ApprovalGateway {
    /** A dangerous step needs a second operator here: the inventory requires approval and the incident is shared. */
    boolean required();

    /** This console's operator. */
    String operator();

    /** Asks the others to approve {@code step} on {@code hosts} with {@code commands} as they will run; journaled. */
    ApprovalTicket request(Step step, List<Host> hosts, List<String> commands);

    /** The requests this console's operator may decide: asked by someone else, still waiting, oldest first. */
    List<ApprovalRequest> pending() throws CoordinationUnavailableException;

    ApprovalAct approve(String requestId);

    ApprovalAct refuse(String requestId, String reason);

    /** The incident commander lets the step run without a second operator; {@code reason} is required. */
    ApprovalAct waive(String requestId, String reason);

    /** The requester withdraws the request. */
    ApprovalAct cancel(String requestId);

    ApprovalPresence presence();
}
