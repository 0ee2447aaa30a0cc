package org.incidentconsole.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.ManualMark;
import org.incidentconsole.incident.ProcedureWalk;
import org.incidentconsole.incident.StepNotReadyException;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.incident.WalkActs;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.runbook.Alternative;
import org.incidentconsole.runbook.ChecklistItem;
import org.incidentconsole.runbook.CommandFlag;
import org.incidentconsole.runbook.Decision;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.runbook.StepKind;
import org.incidentconsole.ssh.OutputListener;

/**
 * One step of an unattended walk, by its kind: a choice takes the alternative the options name (the others are
 * journaled as skipped), a question takes the given answer (which may gate what follows), a manual step or one
 * whose commands wait for a terminal is journaled as skipped-unattended and never run, a watch streams for the
 * given seconds and is ended as stable. Returns null when the walk may go on, else why it stopped.
 */
final class UnattendedSteps {
    private final IncidentSession session;
    private final StepRunner runner;
    private final Host host;
    private final Map<String, String> values;
    private final WalkOptions options;
    private final ProcedureWalk walk;
    private final PrintWriter out;
    private final OutputListener printer;
    private final WalkActs acts;

    UnattendedSteps(IncidentSession session, StepRunner runner, Host host, Map<String, String> values,
                    WalkOptions options, ProcedureWalk walk, PrintWriter out, OutputListener printer) {
        this.session = session;
        this.runner = runner;
        this.host = host;
        this.values = values;
        this.options = options;
        this.walk = walk;
        this.out = out;
        this.printer = printer;
        this.acts = new WalkActs(session);
    }

    String walk(Step step) throws Exception {
        String stopped = switch (step.kind()) {
            case CHOICE -> choice(step);
            case DECISION -> decision(step);
            case MANUAL -> manual(step);
            case RUN, CHECKLIST -> run(step);
        };
        if (stopped != null) {
            return stopped;
        }
        for (ChecklistItem item : step.checklist()) {
            session.record(new IncidentEvent.ChecklistToggled(step.pathText(), item.line(), item.text(), true,
                    session.operator())).get();
            out.println("  [x] " + item.text());
        }
        return null;
    }

    private String choice(Step step) throws Exception {
        Alternative chosen = options.alternativeFor(step).orElse(null);
        if (chosen == null) {
            return manual(step);
        }
        walk.choose(step, chosen);
        acts.alternativeChosen(step, chosen, session.operator()).get();
        out.println("  chose: " + chosen.label() + (options.named(step) ? "" : "  (default: the first; --choose to"
                + " pick another)"));
        step.choices().stream().filter(a -> a != chosen).forEach(a -> out.println("  skipped: " + a.label()));
        for (Step s : walk.runs(step)) {
            String stopped = walk(s);
            if (stopped != null) {
                return stopped;
            }
        }
        return null;
    }

    private String decision(Step step) throws Exception {
        for (Decision d : step.decisions()) {
            Decision.Answer answer = options.answerFor(d).orElse(null);
            if (answer == null) {
                continue;
            }
            walk.answer(step, d, answer);
            acts.answered(step, d, answer, session.operator()).get();
            out.println("  " + d.question() + " → " + answer.text()
                    + (answer.target() == null ? "" : " (on to " + answer.target() + ")")
                    + (options.named(d) ? "" : "  (default: the first; --answer to give another)"));
        }
        return step.shellBlocks().isEmpty() ? null : run(step);
    }

    private String manual(Step step) throws Exception {
        String reason = step.interactiveCommands().isEmpty() ? "instructions for a person; nobody at the keyboard"
                : "waits for a terminal, never run blind: " + String.join("; ",
                step.interactiveCommands().stream().map(CommandFlag::command).toList());
        acts.manual(step, ManualMark.SKIPPED_UNATTENDED, reason, session.operator()).get();
        out.println("  manual step skipped (unattended): " + reason);
        return null;
    }

    private String run(Step step) throws Exception {
        if (!step.interactiveCommands().isEmpty()) {
            return manual(step);
        }
        if (step.shellBlocks().isEmpty()) {
            return step.kind() == StepKind.RUN ? manual(step) : null;
        }
        if (!step.inputs().isEmpty()) {
            out.println("  read from the host's environment (nobody to ask): " + String.join(", ", step.inputs()));
        }
        StepRunner.StepRun run;
        try {
            run = runner.run(session, step, List.of(host), StepRunner.defaultMode(step), values,
                    session.state().started().environment(), session.operator(), printer);
        } catch (StepNotReadyException e) {
            return walk.runbook().source() + ":" + step.line() + ": step not run: " + e.getMessage();
        }
        Map<String, StepRunner.HostOutcome> outcomes;
        if (step.watch()) {
            try {
                outcomes = run.outcomes().get(options.watchSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException streaming) {
                run.end(true, "unattended after " + options.watchSeconds() + " s");
                outcomes = run.outcomes().get(1, TimeUnit.MINUTES);
                out.println("  watch ended after " + options.watchSeconds() + " s: stable");
            }
        } else {
            outcomes = run.outcomes().get(30, TimeUnit.MINUTES);
        }
        var failed = outcomes.values().stream().filter(o -> !o.ok()).toList();
        if (!failed.isEmpty()) {
            out.println("  stopped: " + failed.get(0).host() + " ended " + failed.get(0).outcome() + " ("
                    + failed.get(0).reason() + ")");
            return "step failed: " + step.pathText();
        }
        return null;
    }
}
