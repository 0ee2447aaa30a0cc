package org.incidentconsole.incident;

/** How bad it is; the words come from the team's severity matrix. */
public enum Severity {
    P0("critical: data exposure, full outage or data loss"),
    P1("major: core feature down or degraded for many users"),
    P2("minor: a feature degraded, a workaround exists"),
    P3("low: cosmetic or internal only");

    private final String meaning;

    Severity(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
