package org.incidentconsole.runbook;

import java.util.List;

/**
 * A top-level section of the runbook, offered as something to walk ("Emergency rollback", "Diagnostic commands").
 * {@code name} is the heading without leading emoji; {@code budget} is the heading's own, or null. A runbook whose
 * top-level sections have no sub-headings is one procedure named after its title.
 */
public record Procedure(String name, int line, Budget budget, List<Step> steps) {
    public Procedure {
        steps = List.copyOf(steps);
    }
}
