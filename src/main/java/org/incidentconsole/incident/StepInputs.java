package org.incidentconsole.incident;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.incidentconsole.runbook.CodeBlock;
import org.incidentconsole.runbook.Placeholder;
import org.incidentconsole.runbook.Step;

/**
 * Checks a step may run — every placeholder filled with a safe value, every danger confirmed by typing the
 * environment name — and fills the placeholders into its scripts.
 */
final class StepInputs {
    /** Characters that would let a filled-in value start another command. */
    private static final Pattern UNSAFE = Pattern.compile("[\\n\\r`;|&<>]|\\$\\(|\\$\\{");

    private StepInputs() {
    }

    static String key(Placeholder p) {
        return p.kind() == Placeholder.Kind.VARIABLE ? p.name() : p.token();
    }

    static void check(Step step, Map<String, String> values, String environment, String confirmation)
            throws StepNotReadyException {
        Set<String> missing = new LinkedHashSet<>();
        List<String> unsafe = new ArrayList<>();
        for (Placeholder p : step.placeholders()) {
            String value = values.get(key(p));
            if (value == null || value.isBlank()) {
                missing.add(p.token());
            } else if (UNSAFE.matcher(value).find()) {
                unsafe.add(p.token() + " = " + value);
            }
        }
        if (!missing.isEmpty()) {
            throw new StepNotReadyException("fill in before running: " + String.join(", ", missing),
                    List.copyOf(missing));
        }
        if (!unsafe.isEmpty()) {
            throw new StepNotReadyException("these values contain ; | & < > ` $( or a line break, which would run"
                    + " more than the runbook says: " + String.join("; ", unsafe), unsafe);
        }
        if (!step.dangers().isEmpty() && (confirmation == null
                || !confirmation.strip().equalsIgnoreCase(environment))) {
            List<String> reasons = step.dangers().stream().map(d -> d.reason() + ": " + d.command()).toList();
            throw new StepNotReadyException("type '" + environment + "' to confirm: " + String.join("; ", reasons),
                    reasons);
        }
    }

    static String script(CodeBlock block, Map<String, String> values) {
        String script = block.script();
        for (Placeholder p : block.placeholders()) {
            script = script.replace(p.token(), values.get(key(p)));
        }
        return "set -e\n" + script;
    }

    static String fill(String text, Step step, Map<String, String> values) {
        String out = text;
        for (Placeholder p : step.placeholders()) {
            out = out.replace(p.token(), values.get(key(p)));
        }
        return out;
    }
}
