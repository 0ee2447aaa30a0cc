package org.incidentconsole.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentconsole.runbook.CodeBlock;
import org.incidentconsole.runbook.CommandRenderer;
import org.incidentconsole.runbook.Danger;
import org.incidentconsole.runbook.Placeholder;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.runbook.ValueRejectedException;

/**
 * Checks a step may run — every placeholder filled with a value its type allows, every danger of the filled
 * scripts confirmed by typing the environment name — and gives the scripts as they will run.
 */
final class StepInputs {
    /** The step's scripts with the values in, and the dangers found in them. */
    record Prepared(List<String> scripts, List<Danger> dangers) {
    }

    private StepInputs() {
    }

    static String key(Placeholder p) {
        return p.kind() == Placeholder.Kind.VARIABLE ? p.name() : p.token();
    }

    /** The filled scripts, or why they cannot be filled (a missing or invalid value). */
    static Prepared render(Step step, Map<String, String> values) throws StepNotReadyException {
        Set<String> missing = new LinkedHashSet<>();
        for (Placeholder p : step.placeholders()) {
            String value = values.get(key(p));
            if (value == null || value.isBlank()) {
                missing.add(p.token());
            }
        }
        if (!missing.isEmpty()) {
            throw new StepNotReadyException("fill in before running: " + String.join(", ", missing),
                    List.copyOf(missing));
        }
        List<String> scripts = new ArrayList<>();
        List<Danger> dangers = new ArrayList<>();
        for (CodeBlock block : step.shellBlocks()) {
            try {
                CommandRenderer.Rendered r = CommandRenderer.render(block, p -> values.get(key(p)), step::typeOf);
                scripts.add(r.script());
                dangers.addAll(r.dangers());
            } catch (ValueRejectedException e) {
                throw new StepNotReadyException(e.getMessage() + ": change it before running.",
                        List.of(e.variable()));
            }
        }
        return new Prepared(scripts, dangers);
    }

    /** The values the step's placeholders take, under {@link #key}, in the order they appear; for StepStarted. */
    static Map<String, String> used(Step step, Map<String, String> values) {
        Map<String, String> used = new LinkedHashMap<>();
        for (Placeholder p : step.placeholders()) {
            String value = values.get(key(p));
            if (value != null) {
                used.putIfAbsent(key(p), value);
            }
        }
        return used.isEmpty() ? null : used;
    }

    static Prepared check(Step step, Map<String, String> values, String environment, String confirmation)
            throws StepNotReadyException {
        Prepared prepared = render(step, values);
        if (!prepared.dangers().isEmpty() && (confirmation == null
                || !confirmation.strip().equalsIgnoreCase(environment))) {
            List<String> reasons = prepared.dangers().stream().map(d -> d.reason() + ": " + d.command()).toList();
            throw new StepNotReadyException("type '" + environment + "' to confirm: " + String.join("; ", reasons),
                    reasons);
        }
        return prepared;
    }

    /** What runs on the host: the filled script, stopping at its first failing command. */
    static String script(String rendered) {
        return "set -e\n" + rendered;
    }
}
