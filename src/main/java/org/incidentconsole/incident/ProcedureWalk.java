package org.incidentconsole.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incidentconsole.runbook.Alternative;
import org.incidentconsole.runbook.Decision;
import org.incidentconsole.runbook.Procedure;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.runbook.StepKind;

/**
 * Where a walk of one procedure stands: the alternative chosen at each choice, the answer given to each question,
 * and from them which steps the walk follows. A question whose answers lead to sections gates the walk: the
 * sections tied to the other answers are passed over (shown, never walked into). No I/O: the window and the
 * unattended walk journal through {@link WalkActs}.
 */
public final class ProcedureWalk {
    private final Runbook runbook;
    private final Procedure procedure;
    private final Map<String, Alternative> chosen = new LinkedHashMap<>();
    private final Map<String, Answered> answers = new LinkedHashMap<>();

    private record Answered(Decision decision, Decision.Answer answer) {
    }

    public ProcedureWalk(Runbook runbook, Procedure procedure) {
        this.runbook = runbook;
        this.procedure = procedure;
    }

    /** The runbook's main procedure (see {@link Runbook#mainProcedure()}), or the whole runbook when it has none. */
    public static ProcedureWalk main(Runbook runbook) {
        return new ProcedureWalk(runbook, runbook.mainProcedure().orElse(null));
    }

    public Runbook runbook() {
        return runbook;
    }

    /** The procedure walked, or null when the runbook has none (every step is walked). */
    public Procedure procedure() {
        return procedure;
    }

    public String procedureName() {
        return procedure == null ? runbook.title() : procedure.name();
    }

    public boolean inProcedure(Step step) {
        return procedure == null || procedure.name().equals(step.procedure())
                || procedure.steps().stream().anyMatch(s -> s.pathText().equals(step.pathText()));
    }

    public synchronized void choose(Step choice, Alternative alternative) {
        if (!choice.choices().contains(alternative)) {
            throw new IllegalArgumentException(alternative.label() + " is not an alternative of " + choice.title());
        }
        chosen.put(choice.pathText(), alternative);
    }

    public synchronized Optional<Alternative> chosen(Step choice) {
        return Optional.ofNullable(chosen.get(choice.pathText()));
    }

    public synchronized void answer(Step step, Decision decision, Decision.Answer answer) {
        answers.put(step.pathText() + "#" + decision.line(), new Answered(decision, answer));
    }

    /** The answer given to {@code decision}, if any. */
    public synchronized Optional<Decision.Answer> answer(Step step, Decision decision) {
        return Optional.ofNullable(answers.get(step.pathText() + "#" + decision.line())).map(Answered::answer);
    }

    /**
     * The steps to run for {@code step}: for a choice, the chosen alternative's steps (empty until one is chosen);
     * for any other step, the step itself.
     */
    public synchronized List<Step> runs(Step step) {
        if (step.kind() != StepKind.CHOICE || step.choices().isEmpty()) {
            return List.of(step);
        }
        Alternative a = chosen.get(step.pathText());
        return a == null ? List.of() : a.steps();
    }

    /** True when an answer given so far leads elsewhere than the section {@code step} is in. */
    public synchronized boolean gatedOut(Step step) {
        for (Answered given : answers.values()) {
            boolean tiedToOther = given.decision().answers().stream()
                    .filter(a -> a.target() != null && !a.target().equals(given.answer().target()))
                    .anyMatch(a -> within(step, a.target()));
            boolean tiedToChosen = given.answer().target() != null && within(step, given.answer().target());
            if (tiedToOther && !tiedToChosen) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(Step step, String sectionPath) {
        String path = step.pathText();
        return path.equals(sectionPath) || path.startsWith(sectionPath + " › ");
    }

    /** The steps this walk follows now, in order: the procedure's, less those the answers so far pass over. */
    public synchronized List<Step> steps() {
        List<Step> out = new ArrayList<>();
        for (Step s : runbook.steps()) {
            if (inProcedure(s) && !gatedOut(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
