package org.incidentconsole.coordination;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The seats at a shared incident; {@code mayApprove}: may be the second pair of eyes on a dangerous step. */
public enum Role {
    INCIDENT_COMMANDER("incident-commander", true),
    OPERATOR("operator", true),
    COMMS("comms", false),
    SCRIBE("scribe", false),
    OBSERVER("observer", false);

    private final String label;
    private final boolean mayApprove;

    Role(String label, boolean mayApprove) {
        this.label = label;
        this.mayApprove = mayApprove;
    }

    /** As the journal's role-assigned events write it: "incident-commander", "operator", ... */
    public String label() {
        return label;
    }

    public boolean mayApprove() {
        return mayApprove;
    }

    public static Role fromLabel(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (Role r : values()) {
            if (r.label.equals(wanted)) {
                return r;
            }
        }
        throw new IllegalArgumentException("expected a role: " + Arrays.stream(values()).map(Role::label)
                .collect(Collectors.joining(", ")) + "; got \"" + text + "\"");
    }
}
