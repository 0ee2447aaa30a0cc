package org.incidentconsole.ui.incident;

/** Where the operator is in the runbook, for the progress message: step 3 of 8, "Roll back the code". */
public record StepPosition(int number, int of, String title) {
}
