package org.incidentconsole.coordination;

import java.time.Instant;
import java.util.List;

/**
 * One console that has the incident open: its operator and role, what they do now ({@code step} on
 * {@code hosts}; null and empty when idle), and when the console joined.
 */
public record PresenceEntry(String console, String operator, Role role, String step, List<String> hosts,
                            Instant since) {
    public PresenceEntry {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    public PresenceEntry doing(String newStep, List<String> newHosts) {
        return new PresenceEntry(console, operator, role, newStep, newHosts, since);
    }

    PresenceEntry as(Role seat) {
        return new PresenceEntry(console, operator, seat, step, hosts, since);
    }

    /** e.g. "Jana (incident-commander): Step 5 on web-01, web-02" or "Ola (observer)". */
    public String describe() {
        String who = operator + " (" + role.label() + ")";
        return step == null ? who : who + ": " + step + (hosts.isEmpty() ? "" : " on " + String.join(", ", hosts));
    }
}
