package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A markdown runbook as the console walks it: steps in document order (a CHOICE step holds its alternatives'
 * steps, which are not repeated here), the top-level sections as procedures, declared variables, problems found.
 * {@code description} is the prose under the title (before the first section), shown above the steps; "" if none.
 */
public record Runbook(String title, String source, List<Step> steps, List<Variable> variables,
                      List<String> defaultHostTags, List<Problem> problems, List<Procedure> procedures,
                      String description) {
    public Runbook {
        steps = List.copyOf(steps);
        variables = List.copyOf(variables);
        defaultHostTags = List.copyOf(defaultHostTags);
        problems = List.copyOf(problems);
        procedures = procedures == null ? byProcedure(steps) : List.copyOf(procedures);
        description = description == null ? "" : description;
    }

    public Runbook(String title, String source, List<Step> steps, List<Variable> variables,
                   List<String> defaultHostTags, List<Problem> problems, List<Procedure> procedures) {
        this(title, source, steps, variables, defaultHostTags, problems, procedures, "");
    }

    /** Procedures follow the steps' {@link Step#procedure()} names, in order of appearance. */
    public Runbook(String title, String source, List<Step> steps, List<Variable> variables,
                   List<String> defaultHostTags, List<Problem> problems) {
        this(title, source, steps, variables, defaultHostTags, problems, null, "");
    }

    public Optional<Variable> variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The first procedure whose name contains {@code query}, ignoring case. */
    public Optional<Procedure> procedure(String query) {
        String q = query.toLowerCase(Locale.ROOT);
        return procedures.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).contains(q)).findFirst();
    }

    /** Every step, with each CHOICE followed by its alternatives' steps (for lint and outlines). */
    public List<Step> allSteps() {
        List<Step> all = new ArrayList<>();
        steps.forEach(s -> flatten(s, all));
        return all;
    }

    private static void flatten(Step step, List<Step> into) {
        into.add(step);
        step.choices().stream().flatMap(a -> a.steps().stream())
                .filter(s -> s != step).forEach(s -> flatten(s, into));
    }

    private static List<Procedure> byProcedure(List<Step> steps) {
        Map<String, List<Step>> grouped = new LinkedHashMap<>();
        steps.forEach(s -> grouped.computeIfAbsent(s.procedure(), k -> new ArrayList<>()).add(s));
        return grouped.entrySet().stream().map(e -> new Procedure(e.getKey(), e.getValue().get(0).line(), null,
                e.getValue())).toList();
    }

    /**
     * The procedure an emergency walk starts with: the first one with something to run whose name says it is a
     * procedure (rollback, recovery, workflow…), else the first with something to run, else the first.
     */
    public Optional<Procedure> mainProcedure() {
        return ProcedureNames.main(procedures);
    }
}
