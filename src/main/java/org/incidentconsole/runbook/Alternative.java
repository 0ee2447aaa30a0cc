package org.incidentconsole.runbook;

import java.util.List;

/**
 * One alternative of a {@link StepKind#CHOICE} step: its label as written ("Option B: clear only breaker state",
 * "Or if you tagged the previous version:"), the line it starts on, and the steps that run when it is chosen.
 * For alternatives inside one block, {@code steps} is a single step whose blocks hold the whole script with the
 * other alternatives' lines blanked (line numbers unchanged); for sibling headings it is the heading's own step
 * followed by its sub-steps.
 */
public record Alternative(String label, int line, List<Step> steps) {
    public Alternative {
        steps = List.copyOf(steps);
    }

    /** The shell blocks that run when this alternative is chosen. */
    public List<CodeBlock> shellBlocks() {
        return steps.stream().flatMap(s -> s.shellBlocks().stream()).toList();
    }
}
