package org.incidentconsole.ui.incident;

import java.util.Locale;
import org.incidentconsole.incident.Severity;

/** How a severity reads in the window: "P1 · major", always with words, never colour alone. */
public final class SeverityText {
    private SeverityText() {
    }

    public static String of(Severity s) {
        if (s == null) {
            return "no severity";
        }
        String meaning = s.meaning();
        int colon = meaning.indexOf(':');
        return s.name() + " · " + (colon < 0 ? meaning : meaning.substring(0, colon));
    }

    public static String styleClass(Severity s) {
        return s == null ? "sev-none" : "sev-" + s.name().toLowerCase(Locale.ROOT);
    }
}
