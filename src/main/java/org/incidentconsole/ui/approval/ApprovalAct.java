package org.incidentconsole.ui.approval;

/** What an approve, refuse, waive or cancel did: {@code done} when it decided the request; one sentence either way. */
public record ApprovalAct(boolean done, String message) {
}
