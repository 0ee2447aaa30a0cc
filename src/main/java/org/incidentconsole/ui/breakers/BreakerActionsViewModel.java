package org.incidentconsole.ui.breakers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import org.incidentconsole.breaker.BreakerCommand;
import org.incidentconsole.ui.common.ErrorPresenter;

/**
 * The breaker panel's actions: what the operator is asked to confirm (title, before → after), the run off the FX
 * thread (per breaker, or once per Redis for the every-breaker commands) and its one-line result. Failures are
 * logged and said on the line, never dropped.
 */
public final class BreakerActionsViewModel {
    /** At most this many breakers are listed in a confirmation; the rest are counted. */
    static final int PREVIEW_ROWS = 12;
    /** How an action on the selected breakers is named: "Reset calcom", "Clear failures of 3 breakers". */
    private static final Map<BreakerCommand, String> VERBS = Map.of(
            BreakerCommand.RESET, "Reset",
            BreakerCommand.TRIP, "Trip",
            BreakerCommand.CLEAR_FAILURES, "Clear failures of",
            BreakerCommand.RESET_ALL, "Reset all",
            BreakerCommand.TRIP_ALL, "Trip all",
            BreakerCommand.CLEAR_RATE_LIMITS, "Clear the rate limits of");

    /** What the operator confirms; {@link #run} runs exactly this. */
    public record Confirmation(BreakerCommand command, String title, String preview, List<BreakerRow> rows) {
        public Confirmation {
            rows = List.copyOf(rows);
        }
    }

    private final Executor ui;
    private final BreakerActionRunner runner;
    private final SimpleStringProperty result = new SimpleStringProperty("");

    /** @param ui where property changes are made (the FX thread; tests pass {@code Runnable::run}) */
    public BreakerActionsViewModel(Executor ui, BreakerActionRunner runner) {
        this.ui = ui;
        this.runner = runner;
    }

    /** @return the question for {@code rows} (the selection, or every breaker for RESET_ALL); empty: nothing to do */
    public Optional<Confirmation> ask(BreakerCommand command, List<BreakerRow> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String what = command.everyBreaker() ? rows.size() + " breakers"
                : rows.size() == 1 ? rows.get(0).service() : rows.size() + " breakers";
        String preview = BreakerPanelViewModel.preview(command, rows.stream().limit(PREVIEW_ROWS).toList())
                + (rows.size() > PREVIEW_ROWS ? "\n… and " + (rows.size() - PREVIEW_ROWS) + " more" : "");
        return Optional.of(new Confirmation(command, VERBS.get(command) + " " + what, preview, rows));
    }

    /** Runs a confirmed action; the result line says what changed per call, or why it did not. */
    public CompletableFuture<String> run(Confirmation c) {
        ui.execute(() -> result.set(c.title() + "…"));
        CompletableFuture<String> line;
        try {
            line = runner.run(c.command(), c.title(), c.rows());
        } catch (RuntimeException e) { // the io pool refused the work (shutting down)
            line = CompletableFuture.failedFuture(e);
        }
        return line.handle((done, error) -> error == null ? done : ErrorPresenter.logged(c.title(), error))
                .thenApply(text -> {
                    ui.execute(() -> result.set(text));
                    return text;
                });
    }

    /** The latest action's line: "Reset calcom…" while it runs, then what changed. */
    public ReadOnlyStringProperty resultProperty() {
        return result;
    }
}
