package org.incidentconsole.notify;

import java.util.Map;

/**
 * One message as the operator approved it: {@code subject} (e-mail subject, card title), {@code text} (the body,
 * plain text), and the incident {@code facts} a generic webhook's body template may use ({@code title},
 * {@code severity}, {@code status}, {@code incident}, {@code environment}, {@code template}, …; {@code text} is
 * always the text).
 */
public record Outgoing(String subject, String text, Map<String, String> facts) {
    public Outgoing {
        facts = Map.copyOf(facts);
    }
}
