package org.incidentconsole.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentconsole.incident.CommsCadence;
import org.incidentconsole.incident.IncidentState;
import org.incidentconsole.severity.Severity;

/**
 * What a comms message says about the live incident, taken from the journal's state: the facts every
 * {@link CommsTemplate} fills in. {@code step}/{@code steps}/{@code stepTitle}: where the runbook stands (0 of 0
 * when none is open); {@code rollbackFrom}/{@code rollbackTo}: the variables with those roles (null when not set);
 * {@code impact}: what users see, "being assessed" until the impact field is entered; {@code nextUpdate}: HH:mm
 * in the incident's time zone, one interval from now (null without an interval).
 */
public record CommsFacts(String title, Severity severity, String status, String environment, String incident,
                         String operator, String trigger, int step, int steps, String stepTitle, String rollbackFrom,
                         String rollbackTo, String impact, Duration running, String nextUpdate) {
    public static final String IMPACT_UNKNOWN = "being assessed";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** The facts without a runbook step. */
    public static CommsFacts of(IncidentState s, Instant now, Duration updateEvery) {
        return of(s, 0, 0, null, now, updateEvery);
    }

    public static CommsFacts of(IncidentState s, int step, int steps, String stepTitle, Instant now,
                                Duration updateEvery) {
        var started = s.started();
        ZoneId zone = CommsCadence.zone(s);
        String next = updateEvery == null || updateEvery.isZero() || updateEvery.isNegative() ? null
                : HH_MM.format(now.plus(updateEvery).atZone(zone));
        return new CommsFacts(s.lifecycle().title(), s.severity(),
                s.lifecycle().status() == null ? null : s.lifecycle().status().label(),
                started == null ? null : started.environment(), started == null ? null : started.id(),
                s.lifecycle().operator(), s.lifecycle().trigger(), step, steps, blankToNull(stepTitle),
                withRole(s, "rollback-from"), withRole(s, "rollback-to"), impact(s),
                s.startedAt() == null ? Duration.ZERO : Duration.between(s.startedAt(), now), next);
    }

    /** "P1 (major: core feature down or degraded for many users)", or "not set". */
    public String severityWithMeaning() {
        return severity == null ? "not set"
                : severity + " (" + severity.label() + ": " + severity.meaning() + ")";
    }

    /**
     * The names a generic webhook's body template may use as {@code {{name}}}: text, subject, title, severity,
     * status, incident, environment, template, operator, next_update (empty when not known).
     */
    public Map<String, String> values(String template, String subject, String text) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("text", text);
        v.put("subject", subject);
        v.put("title", title);
        v.put("severity", severity == null ? null : severity.name());
        v.put("status", status);
        v.put("incident", incident);
        v.put("environment", environment);
        v.put("template", template);
        v.put("operator", operator);
        v.put("next_update", nextUpdate);
        v.replaceAll((k, value) -> value == null ? "" : value);
        return v;
    }

    private static String impact(IncidentState s) {
        List<String> keys = new ArrayList<>(List.of(PostmortemField.IMPACT.key()));
        keys.addAll(PostmortemField.IMPACT.aliases());
        for (String key : keys) {
            String v = s.fields().get(key);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return IMPACT_UNKNOWN;
    }

    private static String withRole(IncidentState s, String role) {
        return s.variableRoles().entrySet().stream().filter(e -> role.equals(e.getValue()))
                .map(e -> s.variables().get(e.getKey())).filter(v -> v != null && !v.isBlank()).findFirst()
                .orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
