package org.incidentconsole.ui.comms;

import java.util.Locale;

/** The templates the Comms window offers, in the order an incident uses them; {@link #word()} is the journal's. */
public enum TemplateChoice {
    INITIAL("Initial alert"),
    PROGRESS("Progress update"),
    ROLLBACK("Rollback complete"),
    RESOLVED("Resolved"),
    FREE("Free text");

    private final String label;

    TemplateChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** "initial", "progress", "rollback", "resolved", "free": as MessagePosted and CommsCopied record it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
