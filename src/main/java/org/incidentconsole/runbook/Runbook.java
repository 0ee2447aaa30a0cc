package org.incidentconsole.runbook;

import java.util.List;
import java.util.Optional;

/** A markdown runbook as the console walks it: ordered steps, declared variables, problems found. */
public record Runbook(String title, String source, List<Step> steps, List<Variable> variables,
                      List<String> defaultHostTags, List<Problem> problems) {
    public Runbook {
        steps = List.copyOf(steps);
        variables = List.copyOf(variables);
        defaultHostTags = List.copyOf(defaultHostTags);
        problems = List.copyOf(problems);
    }

    public Optional<Variable> variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
