package org.incidentconsole.ui.incident;

import org.incidentconsole.severity.Severity;

/** How a severity reads in the window: "P1 · major", always with words, never colour alone. */
public final class SeverityText {
    private SeverityText() {
    }

    public static String of(Severity s) {
        if (s == null) {
            return "no severity";
        }
        return s.name() + " · " + s.label();
    }

    /** "P1 · major — core feature down or degraded for many users": a menu entry. */
    public static String withMeaning(Severity s) {
        return of(s) + " — " + s.meaning();
    }
}
