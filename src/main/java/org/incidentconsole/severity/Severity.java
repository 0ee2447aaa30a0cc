package org.incidentconsole.severity;

/**
 * How bad it is, P0 (worst) to P3, shared by the advisor that suggests it and the incident that records it. The
 * words come from the team's severity matrix: {@code label} is the one word shown beside the name ("P1 · major"),
 * {@code meaning} what qualifies. The journal stores the name (P0–P3).
 */
public enum Severity {
    P0("critical", "data exposure, full outage or data loss"),
    P1("major", "core feature down or degraded for many users"),
    P2("minor", "a feature degraded, a workaround exists"),
    P3("low", "cosmetic or internal only");

    private final String label;
    private final String meaning;

    Severity(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }
}
