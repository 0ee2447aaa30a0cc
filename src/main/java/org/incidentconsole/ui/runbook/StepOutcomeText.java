package org.incidentconsole.ui.runbook;

import java.util.Map;
import org.incidentconsole.incident.StepRunner;

/** How a step's end reads in the stepper: its mark in the list, and each host's reason in its output tab. */
final class StepOutcomeText {
    static final String SUCCEEDED = "✓";
    static final String FAILED = "✗";
    static final String NOT_RUN = "–";
    /** Started on a host but never seen to end (the console was killed mid-step): never re-run by itself. */
    static final String UNKNOWN = "?";

    private StepOutcomeText() {
    }

    /** ✓ when the step succeeded everywhere (runner outcome OK), – when it ran nowhere, ✗ otherwise. */
    static String mark(Map<String, StepRunner.HostOutcome> outcomes) {
        if (StepRunner.succeeded(outcomes)) {
            return SUCCEEDED;
        }
        boolean ranNowhere = !outcomes.isEmpty()
                && outcomes.values().stream().allMatch(StepRunner.HostOutcome::notRun);
        return ranNowhere ? NOT_RUN : FAILED;
    }

    /** "— not run: web-01 is not connected: …" (the runner's "not run: " is not doubled), "— FAILED: …". */
    static String reasonLine(String outcome, String reason) {
        boolean notRun = StepRunner.NOT_RUN.equals(outcome);
        String why = notRun && reason.startsWith("not run: ") ? reason.substring("not run: ".length()) : reason;
        return "— " + (notRun ? "not run" : outcome) + ": " + why;
    }
}
