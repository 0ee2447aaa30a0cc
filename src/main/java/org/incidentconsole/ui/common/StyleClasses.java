package org.incidentconsole.ui.common;

import java.util.Locale;

/** Style-class names used from code; the CSS in styles/ defines them. */
public final class StyleClasses {
    public static final String HOST_CELL = "host-cell";
    public static final String HOST_NAME = "host-name";
    public static final String HOST_DETAIL = "host-detail";
    public static final String HOST_REASON = "host-reason";
    public static final String STATE_DOT = "state-dot";
    public static final String STATE_LABEL = "state-label";

    private StyleClasses() {
    }

    /** e.g. CONNECTED → "state-connected". */
    public static String state(Enum<?> state) {
        return "state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String environment(String label) {
        return "env-" + label.toLowerCase(Locale.ROOT);
    }
}
