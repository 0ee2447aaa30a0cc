package org.incidentconsole.ui.approval;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ui.runbook.RunApproval;

/**
 * The stepper's {@link RunApproval} for a shared incident: when the gateway requires approval, shows the
 * {@link ApprovalWaitDialog} and answers with its outcome; without a shared incident (null gateway) or where the
 * inventory needs none, every step may run. Called on the FX thread.
 */
public final class ApprovalGate implements RunApproval {
    private final Supplier<ApprovalGateway> gateway;
    private final Supplier<Window> owner;
    private final Executor ui;
    private final Executor io;
    private final Clock clock;

    /** @param gateway the shared incident's, or null while the incident is not shared */
    public ApprovalGate(Supplier<ApprovalGateway> gateway, Supplier<Window> owner, Executor ui, Executor io,
                        Clock clock) {
        this.gateway = gateway;
        this.owner = owner;
        this.ui = ui;
        this.io = io;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Answer> approve(Step step, List<Host> hosts, List<String> commands) {
        ApprovalGateway g = gateway.get();
        if (g == null || !g.required()) {
            return CompletableFuture.completedFuture(Answer.GRANTED);
        }
        ApprovalWaitViewModel model = new ApprovalWaitViewModel(ui, io, g, clock, step, hosts, commands);
        return new ApprovalWaitDialog(owner.get(), model, ApprovalWaitDialog.SHOW_OUTCOME).show()
                .thenApply(o -> new Answer(o.allowsRun(), o.message()));
    }
}
