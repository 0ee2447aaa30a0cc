package org.incidentconsole.ui.runbook;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.runbook.Step;

/**
 * Asked before a dangerous step runs (#22, a second pair of eyes): the step, the hosts and the commands as they
 * will run. Called on the FX thread; the answer may come much later (another operator approves). Outside a shared
 * incident, or where the inventory needs no approval, {@link #NOT_NEEDED} lets every step run.
 */
@FunctionalInterface
public interface RunApproval {
    RunApproval NOT_NEEDED = (step, hosts, commands) -> CompletableFuture.completedFuture(Answer.GRANTED);

    CompletableFuture<Answer> approve(Step step, List<Host> hosts, List<String> commands);

    /** Whether the step may run; {@code message} says why not (or who approved). */
    record Answer(boolean run, String message) {
        public static final Answer GRANTED = new Answer(true, "");
    }
}
