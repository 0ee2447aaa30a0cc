package org.incidentconsole.inventory;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.incidentconsole.inventory.NotifySpec.ChannelSpec;

/** A generic webhook channel's request as written: method, plain and secret headers, and the body template. */
final class WebhookResolver {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What each placeholder becomes to check the body is JSON: a JSON string no secret has. */
    private static final String FILLED = "{{}}";

    private final NotifyProblems problems;

    WebhookResolver(NotifyProblems problems) {
        this.problems = problems;
    }

    WebhookShape webhook(String path, ChannelSpec c) {
        String method = c.method == null ? "POST" : c.method.strip().toUpperCase(Locale.ROOT);
        if (!NotifyRules.METHODS.contains(method)) {
            problems.add(path + ".method", "method " + FieldRules.show(c.method) + " is not one of "
                    + String.join(", ", NotifyRules.METHODS));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (c.headers != null) {
            c.headers.forEach((name, value) -> {
                String at = path + ".headers." + name;
                headerName(at, name);
                Optional<String> token = NotifyRules.tokenKind(value);
                if (NotifyRules.SECRET_HEADER.matcher(name).matches() || token.isPresent()) {
                    problems.add(at, "header " + FieldRules.show(name) + " carries " + token.orElse("a secret")
                            + " (not shown); secrets never go in the file: move it to secret_headers, naming the "
                            + "environment variable that holds its value");
                } else {
                    headers.put(name, value);
                }
            });
        }
        Map<String, String> secretHeaders = new LinkedHashMap<>();
        if (c.secretHeaders != null) {
            c.secretHeaders.forEach((name, env) -> {
                String at = path + ".secret_headers." + name;
                headerName(at, name);
                String checked = problems.envName(at, env);
                if (checked != null) {
                    secretHeaders.put(name, checked);
                }
            });
        }
        if (c.body != null) {
            body(path + ".body", c.body);
        }
        return new WebhookShape(method, headers, secretHeaders, c.body);
    }

    private void headerName(String at, String name) {
        if (!NotifyRules.HEADER_NAME.matcher(name).matches()) {
            problems.add(at, "header name " + FieldRules.show(name) + " is not an HTTP header name");
        }
    }

    private void body(String path, String body) {
        Matcher m = NotifyRules.PLACEHOLDER.matcher(body);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            if (!NotifyRules.FACTS.contains(m.group(1))) {
                int[] at = problems.textAt(path);
                int line = at[0] + (int) body.substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
                problems.add(path, line, at[1], "the body names {{" + m.group(1) + "}}, which is no fact; a "
                        + "placeholder is one of " + String.join(", ", NotifyRules.FACTS));
            }
            m.appendReplacement(filled, "\"" + FILLED + "\"");
        }
        m.appendTail(filled);
        try {
            secretsIn(path, JSON.readTree(filled.toString()), null);
        } catch (JacksonException e) {
            problems.add(path, "the body is not JSON once each {{name}} is filled in as a JSON string: "
                    + firstLine(e.getOriginalMessage()));
        }
    }

    /** A text of the body that has a credential's shape, or stands under a key that names a secret, is refused. */
    private void secretsIn(String path, JsonNode node, String key) {
        if (node.isTextual() && !node.asText().equals(FILLED)) {
            Optional<String> token = NotifyRules.tokenKind(node.asText());
            boolean secretKey = key != null && NotifyRules.SECRET_KEYS.containsKey(key.toLowerCase(Locale.ROOT));
            if (token.isPresent() || secretKey && !node.asText().isEmpty()) {
                problems.add(path, "the body carries " + token.orElse("a secret") + (key == null ? ""
                        : " under " + FieldRules.show(key)) + " (not shown); secrets never go in the file: send it "
                        + "in a header of secret_headers, naming the environment variable that holds it");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            secretsIn(path, field.getValue(), field.getKey());
        }
        if (node.isArray()) {
            node.forEach(item -> secretsIn(path, item, key));
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable" : message;
        int end = m.indexOf('\n');
        return end < 0 ? m : m.substring(0, end);
    }
}
