package org.incidentconsole.ui.runbook;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.incident.UnknownRun;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ui.common.ErrorPresenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected step's runs whose console vanished mid-run (shared incidents): their outcome is UNKNOWN until
 * someone looks at the host and says what they found ("Acknowledge…"), which lets the step run there again.
 * Asked again when a step is selected and after each run; nothing when the incident is not shared.
 */
public final class UnknownRunsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(UnknownRunsViewModel.class);

    private final Executor ui;
    private final Executor io;
    private final Supplier<IncidentSession> incident;
    private final StepRunner runner;
    private final String operator;
    private final ReadOnlyObjectProperty<Step> selected;
    private final StringProperty message;
    private final ObservableList<UnknownRun> here = FXCollections.observableArrayList();

    UnknownRunsViewModel(Executor ui, Executor io, Supplier<IncidentSession> incident, StepRunner runner,
                         String operator, ReadOnlyObjectProperty<Step> selected, StringProperty message) {
        this.ui = ui;
        this.io = io;
        this.incident = incident;
        this.runner = runner;
        this.operator = operator;
        this.selected = selected;
        this.message = message;
        selected.addListener((obs, old, now) -> refresh());
    }

    /** The selected step's unknown runs, one per host (FX thread). */
    public ObservableList<UnknownRun> here() {
        return here;
    }

    /** Asks again (off the FX thread); each unknown run is journaled once, when this console first sees it. */
    public void refresh() {
        Step step = selected.get();
        IncidentSession session = incident.get();
        if (step == null || session == null) {
            here.clear();
            return;
        }
        try {
            io.execute(() -> {
                List<UnknownRun> found = runner.unknownRuns(session).stream()
                        .filter(r -> r.step().equals(step.pathText())).toList();
                ui.execute(() -> {
                    if (step.equals(selected.get())) {
                        here.setAll(found);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Unknown runs not asked: the console is closing");
        }
    }

    /**
     * Someone looked at the host: {@code finding} (required) is journaled and the step may run there again.
     * Completes with whether it was acknowledged; the message says what happened either way.
     */
    public CompletableFuture<Boolean> acknowledge(UnknownRun run, String finding) {
        if (finding == null || finding.isBlank()) {
            message.set("Say what you found on " + run.host() + " before acknowledging its unknown run.");
            return CompletableFuture.completedFuture(false);
        }
        IncidentSession session = incident.get();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        io.execute(() -> {
            try {
                boolean ok = runner.acknowledge(session, run, finding, operator);
                ui.execute(() -> {
                    message.set(ok ? "Acknowledged: " + run.step() + " on " + run.host() + " — " + finding.strip()
                            : "Not acknowledged: the run of " + run.step() + " on " + run.host()
                            + " is no longer unknown, or the coordination Redis could not be reached.");
                    refresh();
                    done.complete(ok);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> message.set(ErrorPresenter.logged("The unknown run could not be acknowledged", e)));
                done.complete(false);
            }
        });
        return done;
    }
}
