package org.incidentconsole.testing;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ui.runbook.StepperViewModel;

/**
 * The walk a crash child does before it is killed: opens the runbook, types {@code stable_ref}, runs steps 1–3,
 * ticks the first item, starts step 4 and prints "MIDSTEP" once its start is on disk; then waits to be killed.
 */
public final class CrashWalk {
    private CrashWalk() {
    }

    public static void untilKilledInStep4(StepperViewModel model, IncidentSession session, Path runbook,
                                          String stableRef) throws Exception {
        model.open(runbook);
        model.setValue("stable_ref", stableRef);
        model.commitValue("stable_ref").join();
        for (int i = 0; i < 3; i++) {
            model.select(model.steps().get(i));
            model.run(null).join();
        }
        Step first = model.steps().get(0);
        model.tick(first, first.checklist().get(0), true).join();
        CountDownLatch midStep = new CountDownLatch(1);
        session.addListener(state -> {
            if (!state.walk().interrupted().isEmpty()) {
                midStep.countDown();
            }
        });
        model.select(model.steps().get(3));
        Thread runner = new Thread(() -> model.run(null), "step-4");
        runner.start();
        midStep.await();
        System.out.println("MIDSTEP");
        System.out.flush();
        runner.join(); // killed before step 4 ends
    }
}
