package org.incidentconsole.ui.common;

import java.util.List;
import java.util.Map;

/**
 * What the operator last made of the main window, remembered per user: its size when not maximized, whether it
 * was maximized, where the dividers stood (fractions, as {@code SplitPane} keeps them) and the theme. No secrets.
 *
 * @param width   the window's width when not maximized; 0 when never saved
 * @param columns the dividers between hosts | runbook | panels
 * @param panels  the dividers between health, breakers and the timeline
 * @param choices what the operator chose in a pane, by key (e.g. {@code timeline.order = newest-first}); a pane
 *                reads its own keys and ignores the others, so a new choice needs no new field
 */
public record WindowPrefs(double width, double height, boolean maximized, List<Double> columns, List<Double> panels,
                          Theme theme, Map<String, String> choices) {
    public WindowPrefs {
        columns = List.copyOf(columns);
        panels = List.copyOf(panels);
        theme = theme == null ? Theme.DARK : theme;
        choices = choices == null ? Map.of() : Map.copyOf(choices);
    }

    public WindowPrefs(double width, double height, boolean maximized, List<Double> columns, List<Double> panels,
                       Theme theme) {
        this(width, height, maximized, columns, panels, theme, Map.of());
    }

    /** Nothing remembered yet: the first launch. */
    public static WindowPrefs none() {
        return new WindowPrefs(0, 0, false, List.of(), List.of(), Theme.DARK);
    }

    public boolean hasSize() {
        return width > 0 && height > 0;
    }

    public WindowPrefs withTheme(Theme t) {
        return new WindowPrefs(width, height, maximized, columns, panels, t, choices);
    }
}
