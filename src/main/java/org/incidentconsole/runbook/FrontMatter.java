package org.incidentconsole.runbook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The optional YAML front matter: {@code hosts: [web]} (default host tags) and {@code variables:} — a mapping
 * of name to {description, default, suggest, role, type}, or a list of entries with {@code name}.
 */
record FrontMatter(List<Variable> variables, List<String> hostTags, List<Problem> problems) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_KEYS = Set.of("title", "variables", "hosts", "description", "severity",
            "tags", "owner");

    static FrontMatter none() {
        return new FrontMatter(List.of(), List.of(), List.of());
    }

    /** @param firstLine the file line of the first YAML line (after the opening ---) */
    static FrontMatter parse(String source, String yaml, int firstLine) throws RunbookException {
        JsonNode root;
        try {
            root = yaml.isBlank() ? null : YAML.readTree(yaml);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            int line = firstLine + (at == null ? 0 : Math.max(0, at.getLineNr() - 1));
            throw new RunbookException(source, line, "front matter is not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isNull()) {
            return none();
        }
        if (!root.isObject()) {
            throw new RunbookException(source, firstLine, "front matter must be a mapping of 'key: value' lines");
        }
        List<Problem> problems = new ArrayList<>();
        List<Variable> variables = new ArrayList<>();
        Map<String, Integer> lines = keyLines(yaml, firstLine);
        JsonNode vars = root.path("variables");
        if (vars.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                variables.add(variable(e.getKey(), e.getValue(), lines.getOrDefault(e.getKey(), firstLine), problems));
            }
        } else if (vars.isArray()) {
            for (JsonNode v : vars) {
                String name = text(v.path("name"));
                if (name == null) {
                    throw new RunbookException(source, firstLine, "front matter: a variable without 'name'");
                }
                variables.add(variable(name, v, lines.getOrDefault(name, firstLine), problems));
            }
        } else if (!vars.isMissingNode()) {
            throw new RunbookException(source, lines.getOrDefault("variables", firstLine),
                    "front matter: 'variables' must be a mapping or a list");
        }
        List<String> hosts = new ArrayList<>();
        JsonNode h = root.path("hosts");
        if (h.isArray()) {
            h.forEach(t -> hosts.add(t.asText()));
        } else if (h.isTextual()) {
            for (String t : h.asText().split(",")) {
                hosts.add(t.strip());
            }
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_KEYS.contains(key)) {
                problems.add(Problem.warning(lines.getOrDefault(key, firstLine), "front matter: unknown key '" + key
                        + "' (known: title, description, hosts, variables)"));
            }
        }
        return new FrontMatter(variables, hosts, problems);
    }

    private static Variable variable(String name, JsonNode v, int line, List<Problem> problems) {
        if (!v.isObject()) {
            return new Variable(name, null, text(v), null, null, null, line);
        }
        String suggest = text(v.path("suggest"));
        if (suggest != null && suggest.isBlank()) {
            problems.add(Problem.warning(line, "variable '" + name + "': empty 'suggest:', nothing to run"));
            suggest = null;
        }
        String role = text(v.path("role"));
        String typeWord = text(v.path("type"));
        ValueType type = typeWord == null ? null : ValueType.of(typeWord).orElse(null);
        if (typeWord != null && type == null) {
            problems.add(Problem.error(line, "variable '" + name + "': unknown type '" + typeWord + "' (known: "
                    + String.join(", ", Arrays.stream(ValueType.values()).map(ValueType::word).toList())
                    + ")"));
            type = ValueType.TEXT;
        }
        return new Variable(name, text(v.path("description")), text(v.path("default")), suggest, role, type, line);
    }

    private static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    /** The file line where each key ({@code key:}) or list entry name ({@code - name: key}) first appears. */
    private static Map<String, Integer> keyLines(String yaml, int firstLine) {
        Map<String, Integer> lines = new HashMap<>();
        String[] all = yaml.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            String l = all[i].stripLeading();
            if (l.startsWith("- ")) {
                l = l.substring(2).stripLeading();
            }
            if (l.startsWith("name:")) {
                lines.putIfAbsent(l.substring(5).strip(), firstLine + i);
            }
            int colon = l.indexOf(':');
            if (colon > 0) {
                lines.putIfAbsent(l.substring(0, colon), firstLine + i);
            }
        }
        return lines;
    }
}
