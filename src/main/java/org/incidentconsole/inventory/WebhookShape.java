package org.incidentconsole.inventory;

import java.util.Map;

/**
 * A generic JSON webhook's request: {@code method} (POST, PUT or PATCH), plain {@code headers}, headers whose
 * value is a secret ({@code secretHeaderEnvs}: header name → environment variable) and the {@code body} template,
 * whose {@code {{name}}} placeholders are filled with JSON strings (text, title, severity, status, …).
 */
public record WebhookShape(String method, Map<String, String> headers, Map<String, String> secretHeaderEnvs,
                           String body) {
    public WebhookShape {
        headers = Map.copyOf(headers);
        secretHeaderEnvs = Map.copyOf(secretHeaderEnvs);
    }
}
