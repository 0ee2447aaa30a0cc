package org.incidentconsole.report;

import java.time.Duration;
import java.time.Instant;
import org.incidentconsole.incident.IncidentState;

/** Messages to paste into chat, filled from the live incident: plain text, no markdown. */
public final class CommsTemplates {
    private CommsTemplates() {
    }

    public static String initialAlert(IncidentState s) {
        var st = s.started();
        return "[" + s.severity() + "] " + s.lifecycle().title() + "\n"
                + "Environment: " + st.environment() + "\n"
                + "Trigger: " + s.lifecycle().trigger() + "\n"
                + "Incident: " + st.id() + ", handled by " + s.lifecycle().operator() + "\n"
                + "We are on it. Next update within 15 minutes.";
    }

    public static String progress(IncidentState s, int step, int steps, String stepTitle, Instant now) {
        long minutes = s.startedAt() == null ? 0 : Duration.between(s.startedAt(), now).toMinutes();
        return "[" + s.severity() + "] " + s.lifecycle().title() + ": step " + step + " of " + steps + " — "
                + stepTitle + "\n" + "Elapsed: " + minutes + " min. Next update within 15 minutes.";
    }

    public static String rollbackComplete(IncidentState s) {
        String to = s.variableRoles().entrySet().stream().filter(e -> "rollback-to".equals(e.getValue()))
                .map(e -> s.variables().get(e.getKey())).findFirst().orElse("the previous release");
        String from = s.variableRoles().entrySet().stream().filter(e -> "rollback-from".equals(e.getValue()))
                .map(e -> s.variables().get(e.getKey())).findFirst().orElse(null);
        return "[" + s.severity() + "] " + s.lifecycle().title() + ": rollback complete.\n"
                + "Now running " + to + (from == null ? "" : " (was " + from + ")") + ".\n"
                + "We keep watching health and error rates; the incident stays open until they hold.";
    }
}
