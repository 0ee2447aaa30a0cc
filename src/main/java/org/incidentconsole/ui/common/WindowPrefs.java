package org.incidentconsole.ui.common;

import java.util.List;

/**
 * What the operator last made of the main window, remembered per user: its size when not maximized, whether it
 * was maximized, where the dividers stood (fractions, as {@code SplitPane} keeps them) and the theme. No secrets.
 *
 * @param width   the window's width when not maximized; 0 when never saved
 * @param columns the dividers between hosts | runbook | panels
 * @param panels  the divider between health and breakers
 */
public record WindowPrefs(double width, double height, boolean maximized, List<Double> columns, List<Double> panels,
                          Theme theme) {
    public WindowPrefs {
        columns = List.copyOf(columns);
        panels = List.copyOf(panels);
        theme = theme == null ? Theme.DARK : theme;
    }

    /** Nothing remembered yet: the first launch. */
    public static WindowPrefs none() {
        return new WindowPrefs(0, 0, false, List.of(), List.of(), Theme.DARK);
    }

    public boolean hasSize() {
        return width > 0 && height > 0;
    }

    public WindowPrefs withTheme(Theme t) {
        return new WindowPrefs(width, height, maximized, columns, panels, t);
    }
}
