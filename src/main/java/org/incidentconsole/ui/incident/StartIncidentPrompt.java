package org.incidentconsole.ui.incident;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ui.common.ErrorPresenter;

/** The incident guard's question as the window asks it: the start-or-resume dialog, over the main window. */
public final class StartIncidentPrompt implements AskingIncidentGuard.Prompt {
    private final Supplier<Window> owner;
    private final Supplier<String> environment;
    private final Supplier<Severity> suggested;
    private final Supplier<String> operator;

    /**
     * @param environment the console's environment, named in the dialog
     * @param suggested   the advisor's current suggestion, preselected
     * @param operator    who signs at this console, prefilled
     */
    public StartIncidentPrompt(Supplier<Window> owner, Supplier<String> environment, Supplier<Severity> suggested,
                               Supplier<String> operator) {
        this.owner = owner;
        this.environment = environment;
        this.suggested = suggested;
        this.operator = operator;
    }

    @Override
    public Optional<AskingIncidentGuard.Choice> ask(List<IncidentStore.Candidate> candidates) {
        return StartIncidentDialog.ask(owner.get(), environment.get(), suggested.get(), operator.get(), candidates);
    }

    @Override
    public void failed(Throwable error) {
        ErrorPresenter.show(owner.get(), "The incident could not be opened", error);
    }
}
