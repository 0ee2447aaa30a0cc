package org.incidentconsole.ui.runbook;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.IncidentState;
import org.incidentconsole.incident.StepOutcome;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.runbook.ChecklistItem;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.Step;

/**
 * The stepper's walk as the journal left it, for a resumed incident: the journaled runbook's step list (the file's
 * steps where it is unchanged, else the journaled outline, runnable only where the step's path is still in the
 * file), each step's mark and per-host results, the ticks with who/when, and the walk's acts (procedure, choices,
 * answers, manual marks: {@code acts}). Toolkit-free and pure.
 */
public record RestoredWalk(Runbook runbook, String warning, Map<String, StepMark> marks,
                    Map<String, List<HostResult>> results, Map<String, Boolean> ticked, Map<String, String> tickedBy,
                    Step resumeAt, String lastStep, IncidentState.Walk acts) {

    /** What a host's last run of a step ended with, as journaled; UNKNOWN for a run the journal never saw end. */
    public record HostResult(String host, StepOutcome outcome, Integer exitStatus, String reason, String output) {
        public String status() {
            return outcome + (exitStatus == null ? "" : " · exit " + exitStatus);
        }
    }

    static final String INTERRUPTED = IncidentStore.INTERRUPTED;
    private static final String PATH_SEPARATOR = " › ";
    private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /**
     * @param file the runbook parsed from the journaled path now, or null when it is missing or unreadable
     * @return empty when the journal holds no runbook
     */
    static Optional<RestoredWalk> of(IncidentState state, Runbook file) {
        IncidentEvent.RunbookLoaded loaded = state.walk().runbook();
        if (loaded == null) {
            return Optional.empty();
        }
        String warning = "";
        List<Step> steps;
        if (file == null) {
            warning = "The runbook file " + loaded.source() + " is gone or unreadable: its steps are shown as "
                    + "journaled and cannot run.";
            steps = loaded.steps().stream().map(o -> outlineOnly(o)).toList();
        } else if (!IncidentEvent.RunbookLoaded.of(file).steps().equals(loaded.steps())) {
            warning = "The runbook file " + loaded.source() + " changed since it was opened in this incident: its "
                    + "steps are shown as journaled; only steps still in the file can run.";
            steps = loaded.steps().stream().map(o -> file.steps().stream().filter(s -> s.pathText().equals(o.path()))
                    .findFirst().map(s -> withChecklist(s, o)).orElseGet(() -> outlineOnly(o))).toList();
        } else {
            steps = file.steps();
        }
        Runbook shown = new Runbook(loaded.title(), loaded.source(), steps,
                file == null ? List.of() : file.variables(), file == null ? List.of() : file.defaultHostTags(),
                List.of());
        Map<String, List<HostResult>> results = results(state);
        Map<String, StepMark> marks = new LinkedHashMap<>();
        results.forEach((step, hosts) -> marks.put(step, mark(hosts)));
        Map<String, Boolean> ticked = new LinkedHashMap<>();
        Map<String, String> tickedBy = new LinkedHashMap<>();
        for (IncidentState.ChecklistMark m : state.checklist().values()) {
            String key = IncidentState.checklistKey(m.step(), m.line());
            ticked.put(key, m.checked());
            if (m.checked()) {
                tickedBy.put(key, m.by() + (m.at() == null ? "" : " " + HHMMSS.format(m.at())));
            }
        }
        String last = state.walk().lastStep();
        return Optional.of(new RestoredWalk(shown, warning, marks, results, ticked, tickedBy,
                resumeAt(steps, last, marks), last, state.walk()));
    }

    /** The step the walk stopped in when it did not end well (or was interrupted), else the one after it. */
    private static Step resumeAt(List<Step> steps, String last, Map<String, StepMark> marks) {
        if (steps.isEmpty()) {
            return null;
        }
        int at = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).pathText().equals(last)) {
                at = i;
            }
        }
        if (at < 0) {
            return steps.get(0);
        }
        boolean done = marks.get(last) == StepMark.SUCCEEDED;
        return steps.get(done && at + 1 < steps.size() ? at + 1 : at);
    }

    /** Step path → each host's last result, in journal order; interrupted runs read UNKNOWN. */
    private static Map<String, List<HostResult>> results(IncidentState state) {
        Map<String, Map<String, HostResult>> byStep = new LinkedHashMap<>();
        for (IncidentEvent.StepFinished f : state.lastRuns().values()) {
            byStep.computeIfAbsent(f.step(), k -> new LinkedHashMap<>()).put(f.host(),
                    new HostResult(f.host(), f.outcome(), f.exitStatus(), f.reason(), f.output()));
        }
        for (IncidentEvent.StepStarted s : state.walk().interrupted().values()) {
            byStep.computeIfAbsent(s.step(), k -> new LinkedHashMap<>()).put(s.host(),
                    new HostResult(s.host(), StepOutcome.UNKNOWN, null, INTERRUPTED, null));
        }
        Map<String, List<HostResult>> out = new LinkedHashMap<>();
        byStep.forEach((step, hosts) -> out.put(step, List.copyOf(hosts.values())));
        return out;
    }

    private static StepMark mark(List<HostResult> hosts) {
        if (hosts.stream().anyMatch(h -> INTERRUPTED.equals(h.reason()))) {
            return StepMark.UNKNOWN;
        }
        Map<String, StepRunner.HostOutcome> outcomes = new LinkedHashMap<>();
        hosts.forEach(h -> outcomes.put(h.host(), new StepRunner.HostOutcome(h.host(), h.outcome(), h.exitStatus(),
                h.reason())));
        return StepMark.after(outcomes);
    }

    /** The output tab's lines for a journaled result: its output excerpt, then the reason if it did not end OK. */
    static List<String> lines(HostResult r) {
        List<String> lines = new ArrayList<>();
        if (r.output() != null && !r.output().isEmpty()) {
            lines.addAll(r.output().lines().toList());
        }
        if (r.outcome() != StepOutcome.OK && r.reason() != null && !r.reason().isBlank()) {
            lines.add(StepOutcomeText.reasonLine(r.outcome(), r.reason()));
        }
        return lines;
    }

    /** The file's step, with the journaled checklist (ticks are keyed by the journaled lines). */
    private static Step withChecklist(Step s, IncidentEvent.RunbookLoaded.StepOutline o) {
        return new Step(s.line(), s.path(), s.budget(), s.description(), s.blocks(), items(o), s.hostTags(),
                s.valueTypes());
    }

    /** A step known only from the journal: its title and checklist, nothing to run. */
    private static Step outlineOnly(IncidentEvent.RunbookLoaded.StepOutline o) {
        return new Step(o.line(), Arrays.asList(o.path().split(PATH_SEPARATOR)), null,
                "Not in the runbook file any more: shown as journaled, it cannot run.", List.of(), items(o),
                List.of(), Map.of());
    }

    private static List<ChecklistItem> items(IncidentEvent.RunbookLoaded.StepOutline o) {
        return o.checklist().stream().map(i -> new ChecklistItem(i.line(), i.text(), false, 0, null)).toList();
    }
}
