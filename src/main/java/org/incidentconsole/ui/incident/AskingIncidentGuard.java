package org.incidentconsole.ui.incident;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's incident guard: an act runs at once when an incident is open; otherwise the operator is asked to
 * start or resume one (through a {@link Prompt} the window implements) and the act runs once that incident's first
 * records are on disk. Declining the question drops the act. Toolkit-free: the question is the only UI, and
 * {@code ui} is where acts and questions run (the FX thread; tests pass {@code Runnable::run}).
 */
public final class AskingIncidentGuard implements IncidentGuard {
    private static final Logger LOG = LoggerFactory.getLogger(AskingIncidentGuard.class);

    /** What the operator chose in the question. */
    public sealed interface Choice {
    }

    /** Start a new incident; a blank operator is the console's. */
    public record Start(String title, String trigger, Severity severity, String operator) implements Choice {
    }

    /** Resume an unfinished one, worked by {@code operator} from now on. */
    public record Resume(String id, String operator) implements Choice {
    }

    /** The question to the operator; the window shows a dialog. Called on the {@code ui} executor. */
    public interface Prompt {
        /**
         * Asks to start an incident or resume one of {@code candidates}; empty when the operator declines.
         * Blocking until answered (a modal dialog).
         */
        Optional<Choice> ask(List<IncidentStore.Candidate> candidates);

        /** Tells the operator that the chosen incident could not be started or resumed, and why. */
        void failed(Throwable error);
    }

    private final IncidentBarViewModel incidents;
    private final Prompt prompt;
    private final Executor ui;

    /** @param incidents the bar's model: it starts and resumes, and shows the incident once open */
    public AskingIncidentGuard(IncidentBarViewModel incidents, Prompt prompt, Executor ui) {
        this.incidents = incidents;
        this.prompt = prompt;
        this.ui = ui;
    }

    @Override
    public void withIncident(Runnable act) {
        if (incidents.hasIncident()) {
            act.run();
        } else {
            ask(act, false);
        }
    }

    /** Asks to start or resume an incident even if one is open (a new incident after Resolve), then runs {@code act}. */
    public void askForAnother(Runnable act) {
        ask(act, true);
    }

    private void ask(Runnable act, boolean evenIfOpen) {
        incidents.candidates().whenComplete((list, err) -> {
            if (err != null) {
                LOG.warn("Unfinished incidents could not be listed: {}", err.getMessage());
            }
            ui.execute(() -> askWith(err == null ? list : List.of(), act, evenIfOpen));
        });
    }

    private void askWith(List<IncidentStore.Candidate> candidates, Runnable act, boolean evenIfOpen) {
        if (incidents.hasIncident() && !evenIfOpen) {
            act.run(); // another path opened one while the list loaded
            return;
        }
        prompt.ask(candidates).ifPresent(choice -> open(choice).whenComplete((session, err) -> ui.execute(() -> {
            if (err != null) {
                prompt.failed(err); // the window's presenter logs it
                return;
            }
            if (!session.warnings().isEmpty()) {
                incidents.showMessage("Resumed with a warning: " + session.warnings().get(0));
            }
            act.run();
        })));
    }

    private CompletableFuture<IncidentSession> open(Choice choice) {
        if (choice instanceof Start s) {
            return incidents.start(s.title(), s.trigger(), s.severity(), s.operator());
        }
        Resume r = (Resume) choice;
        return incidents.resume(r.id(), r.operator());
    }
}
