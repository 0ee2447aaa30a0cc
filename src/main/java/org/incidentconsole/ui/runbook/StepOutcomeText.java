package org.incidentconsole.ui.runbook;

import org.incidentconsole.incident.StepOutcome;

/** How a host's end of a step reads in its output tab. */
final class StepOutcomeText {
    private static final String RUNNER_NOT_RUN = "not run: ";

    private StepOutcomeText() {
    }

    /** "— not run: web-01 is not connected: …" (the runner's "not run: " is not doubled), "— FAILED: …". */
    static String reasonLine(StepOutcome outcome, String reason) {
        boolean notRun = outcome == StepOutcome.NOT_RUN;
        String why = notRun && reason.startsWith(RUNNER_NOT_RUN) ? reason.substring(RUNNER_NOT_RUN.length()) : reason;
        return "— " + (notRun ? "not run" : outcome) + ": " + why;
    }
}
