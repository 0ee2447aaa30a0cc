package org.incidentconsole.ui.runbook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import org.incidentconsole.incident.EnvInputs;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentState;
import org.incidentconsole.incident.ManualMark;
import org.incidentconsole.incident.ProcedureWalk;
import org.incidentconsole.incident.WalkActs;
import org.incidentconsole.runbook.Alternative;
import org.incidentconsole.runbook.Decision;
import org.incidentconsole.runbook.Procedure;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.runbook.StepKind;

/**
 * Walking the open runbook as written: the procedure walked (the main one at open), the alternative chosen at each
 * choice, the answer given to each question, manual steps marked done or skipped. Each act is journaled first
 * (signed by the session) and shown once it is on disk; {@link #changes()} ticks so views redraw.
 */
public final class WalkViewModel {
    private final Executor ui;
    private final Executor io;
    private final Supplier<IncidentSession> incident;
    private final String operator;
    private final ObservableMap<String, StepMark> marks;
    private final ObservableList<Procedure> procedures = FXCollections.observableArrayList();
    private final SimpleObjectProperty<Procedure> procedure = new SimpleObjectProperty<>();
    private final SimpleIntegerProperty changes = new SimpleIntegerProperty();
    private volatile ProcedureWalk walk;
    private final ObservableSet<String> onHost = FXCollections.observableSet();

    WalkViewModel(Executor ui, Executor io, Supplier<IncidentSession> incident, String operator,
                  ReadOnlyObjectProperty<Runbook> runbook, ObservableMap<String, StepMark> marks) {
        this.ui = ui;
        this.io = io;
        this.incident = incident;
        this.operator = operator;
        this.marks = marks;
        runbook.addListener((obs, old, now) -> reset(now));
    }

    private void reset(Runbook rb) {
        walk = rb == null ? null : ProcedureWalk.main(rb);
        procedures.setAll(rb == null ? List.of() : rb.procedures());
        onHost.clear();
        procedure.set(walk == null ? null : walk.procedure());
        changed();
    }

    private void changed() {
        changes.set(changes.get() + 1);
    }

    /** The operator walks {@code p} from now on (journaled); the choices and answers made so far stand. */
    public CompletableFuture<Void> chooseProcedure(Procedure p) {
        ProcedureWalk before = walk;
        if (before == null || p == null || p.equals(before.procedure())) {
            return CompletableFuture.completedFuture(null);
        }
        return act(() -> new WalkActs(incident.get()).procedureChosen(p, operator).join(), () -> {
            ProcedureWalk next = new ProcedureWalk(before.runbook(), p);
            before.runbook().allSteps().forEach(s -> {
                before.chosen(s).ifPresent(a -> next.choose(s, a));
                s.decisions().forEach(d -> before.answer(s, d).ifPresent(a -> next.answer(s, d, a)));
            });
            walk = next;
            procedure.set(p);
        });
    }

    /** Picks {@code chosen} at a choice: journaled with the other alternatives as skipped; only it will run. */
    public CompletableFuture<Void> choose(Step choice, Alternative chosen) {
        ProcedureWalk w = walk;
        if (w == null || w.chosen(choice).filter(chosen::equals).isPresent()) {
            return CompletableFuture.completedFuture(null);
        }
        return act(() -> new WalkActs(incident.get()).alternativeChosen(choice, chosen, operator).join(),
                () -> w.choose(choice, chosen));
    }

    /** Answers a question: journaled; where answers lead to sections, the others are passed over. */
    public CompletableFuture<Void> answer(Step step, Decision decision, Decision.Answer answer) {
        ProcedureWalk w = walk;
        if (w == null) {
            return CompletableFuture.completedFuture(null);
        }
        return act(() -> new WalkActs(incident.get()).answered(step, decision, answer, operator).join(), () -> {
            w.answer(step, decision, answer);
            marks.put(step.pathText(), StepMark.DONE);
            w.runbook().steps().forEach(s -> {
                if (w.gatedOut(s)) {
                    marks.putIfAbsent(s.pathText(), StepMark.SKIPPED);
                } else if (StepMark.SKIPPED.equals(marks.get(s.pathText())) && w.inProcedure(s)) {
                    marks.remove(s.pathText()); // a changed answer lets a passed-over section back in
                }
            });
        });
    }

    /** A manual step (or one whose commands wait for a terminal) marked done or skipped by the operator. */
    public CompletableFuture<Void> mark(Step step, boolean done) {
        return act(() -> new WalkActs(incident.get()).manual(step, done ? ManualMark.DONE : ManualMark.SKIPPED, null,
                operator).join(), () -> marks.put(step.pathText(), done ? StepMark.DONE : StepMark.SKIPPED));
    }

    /** Journals that {@code step}, outside the walked procedure, is run on purpose; done when on disk. */
    CompletableFuture<Void> outOfProcedure(Step step) {
        ProcedureWalk w = walk;
        if (w == null || w.inProcedure(step)) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> new WalkActs(incident.get()).outOfProcedure(step, w.procedureName(),
                operator).join(), io);
    }

    private CompletableFuture<Void> act(Runnable journal, Runnable then) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        io.execute(() -> {
            try {
                journal.run();
                ui.execute(() -> {
                    then.run();
                    changed();
                    done.complete(null);
                });
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /**
     * A resumed incident: the procedure, alternatives, answers and manual marks as journaled (see
     * {@link IncidentState.Walk}), matched to the open runbook by step path, label and question text; an act
     * whose step, alternative or answer is no longer in the runbook is left out. Journals nothing.
     */
    void restore(IncidentState.Walk acts) {
        ProcedureWalk w = walk;
        if (w == null) {
            return;
        }
        Runbook rb = w.runbook();
        if (acts.procedure() != null) {
            Optional<Procedure> p = rb.procedures().stream()
                    .filter(x -> x.name().equals(acts.procedure())).findFirst();
            if (p.isPresent()) {
                w = new ProcedureWalk(rb, p.get());
                walk = w;
                procedure.set(p.get());
            }
        }
        for (Step s : rb.allSteps()) {
            IncidentEvent.AlternativeChosen a = acts.chosen().get(s.pathText());
            if (a != null) {
                ProcedureWalk at = w;
                s.choices().stream().filter(c -> c.label().equals(a.chosen()) && c.line() == a.line()).findFirst()
                        .or(() -> s.choices().stream().filter(c -> c.label().equals(a.chosen())).findFirst())
                        .ifPresent(c -> at.choose(s, c));
            }
            for (Decision d : s.decisions()) {
                String given = acts.answers().get(IncidentState.Walk.answerKey(s.pathText(), d.question()));
                ProcedureWalk at = w;
                d.answers().stream().filter(x -> x.text().equals(given)).findFirst().ifPresent(x -> {
                    at.answer(s, d, x);
                    marks.put(s.pathText(), StepMark.DONE);
                });
            }
            ManualMark manual = acts.manual().get(s.pathText());
            if (manual != null) {
                marks.put(s.pathText(), manual == ManualMark.DONE ? StepMark.DONE : StepMark.SKIPPED);
            }
        }
        ProcedureWalk gated = w;
        rb.steps().stream().filter(gated::gatedOut).forEach(s -> marks.putIfAbsent(s.pathText(), StepMark.SKIPPED));
        changed();
    }

    /** What Run runs for {@code step}: the chosen alternative's steps at a choice (none until chosen). */
    public List<Step> runs(Step step) {
        ProcedureWalk w = walk;
        return w == null ? List.of(step) : w.runs(step);
    }

    /** True when Run may run {@code step}: shell to run, not manual, an alternative chosen at a choice. */
    public boolean runnable(Step step) {
        if (step == null || step.kind() == StepKind.MANUAL || !step.interactiveCommands().isEmpty()) {
            return false;
        }
        return runs(step).stream().anyMatch(s -> !s.shellBlocks().isEmpty() && s.interactiveCommands().isEmpty());
    }

    /**
     * Why Run must not run {@code step} now (its kind, a choice not made, an environment input neither given in
     * {@code values} nor ticked as set on the host), or null when it may.
     */
    String refusal(Step step, Map<String, String> values) {
        if (!runnable(step)) {
            return WalkText.notRunnable(step, this);
        }
        List<String> unset = runs(step).stream().flatMap(s -> EnvInputs.missing(s,
                values, onHost).stream()).distinct().toList();
        return unset.isEmpty() ? null
                : "Give " + String.join(", ", unset) + " a value, or tick “set on the host”, before running.";
    }

    public Optional<Alternative> chosen(Step choice) {
        ProcedureWalk w = walk;
        return w == null ? Optional.empty() : w.chosen(choice);
    }

    public Optional<Decision.Answer> answered(Step step, Decision decision) {
        ProcedureWalk w = walk;
        return w == null ? Optional.empty() : w.answer(step, decision);
    }

    public boolean inProcedure(Step step) {
        ProcedureWalk w = walk;
        return w == null || w.inProcedure(step);
    }

    public boolean gatedOut(Step step) {
        ProcedureWalk w = walk;
        return w != null && w.gatedOut(step);
    }

    /** Environment inputs the operator confirmed as set on the host (left to the host's environment). */
    public ObservableSet<String> onHost() {
        return onHost;
    }

    public ObservableList<Procedure> procedures() {
        return procedures;
    }

    public ReadOnlyObjectProperty<Procedure> procedureProperty() {
        return procedure;
    }

    /** Ticks on every act shown: choices, answers, marks, procedure. */
    public ObservableIntegerValue changes() {
        return changes;
    }
}
