package org.incidentconsole.ui.approval;

/**
 * Who is in the incident, for the approval dialogs: {@code summary} "Jana (incident-commander), Ola (operator)";
 * {@code commander} whether this console's operator is the incident commander (may waive); {@code secondOperator}
 * whether someone else present may approve.
 */
public record ApprovalPresence(String summary, boolean commander, boolean secondOperator) {
}
