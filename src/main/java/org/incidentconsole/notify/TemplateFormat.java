package org.incidentconsole.notify;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentconsole.inventory.ChannelKind;

/**
 * A generic webhook's body: the inventory's template with each {@code {{name}}} replaced by that fact as a JSON
 * string ({@code text} and {@code subject} are the message's own; a name the message has no fact for becomes
 * {@code null}). The result must be JSON.
 */
final class TemplateFormat implements WebhookFormat {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");

    private final String template;

    TemplateFormat(String template) {
        this.template = template == null || template.isBlank() ? "{\"text\": {{text}}}" : template;
    }

    @Override
    public Payload payload(Outgoing message) {
        Map<String, String> values = new HashMap<>(message.facts());
        values.put("text", message.text());
        if (message.subject() != null) {
            values.put("subject", message.subject());
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(jsonString(v)));
        }
        m.appendTail(out);
        String json = out.toString();
        try {
            ChatFormats.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return Payload.refused("the webhook's body template does not make JSON" + where
                    + ": write {{name}} where a JSON value goes, without quotes around it");
        }
        return Payload.of(json);
    }

    @Override
    public List<ResponseRule> answers() {
        return ResponseTables.of(ChannelKind.WEBHOOK);
    }

    static String jsonString(String value) {
        return value == null ? "null" : ChatFormats.JSON.getNodeFactory().textNode(value).toString();
    }
}
