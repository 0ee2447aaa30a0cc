package org.incidentconsole.ui.runbook;

import java.util.Map;
import org.incidentconsole.incident.StepRunner;

/** A step's mark in the stepper's list, shown as its glyph before the title. */
public enum StepMark {
    /** running now */
    RUNNING("▶"),
    /** ran and ended OK on every host */
    SUCCEEDED("✓"),
    /** ran and did not end OK somewhere */
    FAILED("✗"),
    /** ran on no host (none connected, a value missing) */
    NOT_RUN("–"),
    /** started on a host but never seen to end (the console was killed mid-step): never re-run by itself */
    UNKNOWN("?"),
    /** a manual step, a question or a choice the operator dealt with */
    DONE("✓"),
    /** skipped by the operator, or passed over by an answer */
    SKIPPED("⤼");

    private final String glyph;

    StepMark(String glyph) {
        this.glyph = glyph;
    }

    public String glyph() {
        return glyph;
    }

    /** SUCCEEDED when the step succeeded everywhere (runner outcome OK), NOT_RUN when it ran nowhere, else FAILED. */
    public static StepMark after(Map<String, StepRunner.HostOutcome> outcomes) {
        if (StepRunner.succeeded(outcomes)) {
            return SUCCEEDED;
        }
        boolean ranNowhere = !outcomes.isEmpty()
                && outcomes.values().stream().allMatch(StepRunner.HostOutcome::notRun);
        return ranNowhere ? NOT_RUN : FAILED;
    }
}
