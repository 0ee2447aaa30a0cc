package org.incidentconsole.runbook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The optional YAML front matter: {@code hosts: [web]} (default host tags) and {@code variables:} — a mapping
 * of name to {description, default, suggest}, or a list of entries with {@code name}.
 */
record FrontMatter(List<Variable> variables, List<String> hostTags, List<Problem> problems) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
        JsonNode vars = root.path("variables");
        if (vars.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                variables.add(variable(e.getKey(), e.getValue(), lineOf(yaml, e.getKey(), firstLine)));
            }
        } else if (vars.isArray()) {
            for (JsonNode v : vars) {
                String name = text(v.path("name"));
                if (name == null) {
                    throw new RunbookException(source, firstLine, "front matter: a variable without 'name'");
                }
                variables.add(variable(name, v, lineOf(yaml, name, firstLine)));
            }
        } else if (!vars.isMissingNode()) {
            throw new RunbookException(source, lineOf(yaml, "variables", firstLine),
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
            if (!List.of("title", "variables", "hosts", "description", "severity", "tags", "owner").contains(key)) {
                problems.add(Problem.warning(lineOf(yaml, key, firstLine), "front matter: unknown key '" + key
                        + "' (known: title, description, hosts, variables)"));
            }
        }
        return new FrontMatter(variables, hosts, problems);
    }

    private static Variable variable(String name, JsonNode v, int line) {
        if (!v.isObject()) {
            return new Variable(name, null, text(v), null, null, line);
        }
        return new Variable(name, text(v.path("description")), text(v.path("default")), text(v.path("suggest")),
                text(v.path("role")), line);
    }

    private static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static int lineOf(String yaml, String key, int firstLine) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].stripLeading();
            if (l.startsWith(key + ":") || l.startsWith("- name: " + key) || l.startsWith("name: " + key)) {
                return firstLine + i;
            }
        }
        return firstLine;
    }
}
