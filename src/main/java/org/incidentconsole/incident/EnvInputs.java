package org.incidentconsole.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentconsole.runbook.Step;

/**
 * Environment variables a step's shell reads without setting ({@link Step#inputs()}): the operator gives each a
 * value, kept under {@link #key} among the step's values and exported (one quoted word) before the script, or
 * confirms it is set on the host, which leaves it to the host's environment.
 */
public final class EnvInputs {
    private EnvInputs() {
    }

    /** Where an input's value sits among the values: "$API_HOST". */
    public static String key(String name) {
        return "$" + name;
    }

    /** The inputs with neither a value nor a confirmation that the host sets them. */
    public static List<String> missing(Step step, Map<String, String> values, Set<String> onHost) {
        return step.inputs().stream().filter(n -> !onHost.contains(n) && blank(values.get(key(n)))).toList();
    }

    /** "export API_HOST='10.0.0.5'" lines for the inputs given a value, or "" when none is. */
    static String exports(Step step, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (String name : step.inputs()) {
            String value = values.get(key(name));
            if (!blank(value)) {
                out.append("export ").append(name).append('=').append(quote(value)).append('\n');
            }
        }
        return out.toString();
    }

    /** The inputs given a value, under their keys, for the journal (secret-named ones are hidden by name). */
    static Map<String, String> given(Step step, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        step.inputs().forEach(n -> {
            String value = values.get(key(n));
            if (!blank(value)) {
                out.put(key(n), value);
            }
        });
        return out;
    }

    static String quote(String value) {
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
