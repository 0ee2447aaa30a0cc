package org.incidentconsole.incident;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.incidentconsole.incident.IncidentEvent.AlternativeChosen;
import org.incidentconsole.incident.IncidentEvent.DecisionAnswered;
import org.incidentconsole.incident.IncidentEvent.ManualStepMarked;
import org.incidentconsole.incident.IncidentEvent.OutOfProcedure;
import org.incidentconsole.incident.IncidentEvent.ProcedureChosen;
import org.incidentconsole.incident.IncidentEvent.WatchEnded;
import org.incidentconsole.runbook.Alternative;
import org.incidentconsole.runbook.Decision;
import org.incidentconsole.runbook.Procedure;
import org.incidentconsole.runbook.Step;

/**
 * The acts of walking a runbook as written (#16): a procedure chosen, an alternative picked (the others skipped),
 * a question answered, a manual step marked, a step of another procedure run on purpose. Each is journaled and
 * signed by the operator working the incident; the window and the unattended walk both go through here.
 */
public final class WalkActs {
    private final IncidentSession session;

    public WalkActs(IncidentSession session) {
        this.session = session;
    }

    public CompletableFuture<JournalRecord> procedureChosen(Procedure procedure, String by) {
        return session.record(new ProcedureChosen(procedure.name(), procedure.line(), by));
    }

    /** The chosen alternative, with every other alternative's label as skipped. */
    public CompletableFuture<JournalRecord> alternativeChosen(Step choice, Alternative chosen, String by) {
        List<String> skipped = choice.choices().stream().filter(a -> !a.equals(chosen)).map(Alternative::label)
                .toList();
        return session.record(new AlternativeChosen(choice.pathText(), chosen.label(), chosen.line(), skipped, by));
    }

    public CompletableFuture<JournalRecord> answered(Step step, Decision decision, Decision.Answer answer,
                                                     String by) {
        return session.record(new DecisionAnswered(step.pathText(), decision.question(), answer.text(),
                answer.target(), by));
    }

    public CompletableFuture<JournalRecord> manual(Step step, ManualMark mark, String reason, String by) {
        return session.record(new ManualStepMarked(step.pathText(), mark, reason, by));
    }

    public CompletableFuture<JournalRecord> outOfProcedure(Step step, String walking, String by) {
        return session.record(new OutOfProcedure(step.pathText(), step.procedure(), walking, by));
    }

    static IncidentEvent sign(IncidentEvent e, String operator) {
        if (e instanceof ProcedureChosen p) {
            return new ProcedureChosen(p.procedure(), p.line(), operator);
        } else if (e instanceof AlternativeChosen a) {
            return new AlternativeChosen(a.step(), a.chosen(), a.line(), a.skipped(), operator);
        } else if (e instanceof DecisionAnswered d) {
            return new DecisionAnswered(d.step(), d.question(), d.answer(), d.target(), operator);
        } else if (e instanceof ManualStepMarked m) {
            return new ManualStepMarked(m.step(), m.mark(), m.reason(), operator);
        } else if (e instanceof WatchEnded w) {
            return new WatchEnded(w.step(), w.host(), w.stable(), w.how(), w.afterMs(), operator);
        } else if (e instanceof OutOfProcedure o) {
            return new OutOfProcedure(o.step(), o.procedure(), o.walking(), operator);
        }
        return e;
    }

    static boolean isAct(IncidentEvent e) {
        return e instanceof ProcedureChosen || e instanceof AlternativeChosen || e instanceof DecisionAnswered
                || e instanceof ManualStepMarked || e instanceof WatchEnded || e instanceof OutOfProcedure;
    }
}
