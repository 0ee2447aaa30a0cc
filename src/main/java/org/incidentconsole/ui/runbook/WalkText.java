package org.incidentconsole.ui.runbook;

import org.incidentconsole.runbook.CommandFlag;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.runbook.StepKind;

/** The sentences the stepper shows about a step's kind. */
final class WalkText {
    private WalkText() {
    }

    /** Why Run does nothing for {@code step}. */
    static String notRunnable(Step step, WalkViewModel walk) {
        if (!step.interactiveCommands().isEmpty()) {
            return step.title() + " waits for a terminal (" + String.join("; ", step.interactiveCommands().stream()
                    .map(CommandFlag::command).toList()) + "): it is never run blind; do it by hand, then mark it.";
        }
        if (step.kind() == StepKind.MANUAL) {
            return step.title() + " is for a person: do it, then mark it Done or Skip.";
        }
        if (step.kind() == StepKind.CHOICE && walk.chosen(step).isEmpty()) {
            return "Choose one of the alternatives of " + step.title() + " first: only the chosen one runs.";
        }
        return step.title() + " has nothing to run.";
    }

    /** "run", "manual", "choice · 3 alternatives", "question", "checklist", with " · watch" for a watch. */
    static String kind(Step step) {
        String k = switch (step.kind()) {
            case RUN -> "run";
            case MANUAL -> step.interactiveCommands().isEmpty() ? "manual" : "manual · waits for a terminal";
            case CHOICE -> "choice · " + step.choices().size() + " alternatives";
            case DECISION -> "question";
            case CHECKLIST -> "checklist";
        };
        return k + (step.watch() ? " · watch" : "");
    }
}
