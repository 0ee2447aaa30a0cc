package org.incidentconsole.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.input.KeyCombination;

/**
 * The window's keyboard shortcuts, one row each: the keys, what they do, and the action they are bound to. The
 * scene's bindings ({@link ShortcutBindings}), the F1 list and the README's table all come from here.
 */
public enum Shortcut {
    RUN_STEP("Shortcut+Enter", "Ctrl+Enter",
            "run the selected step (dangerous steps still ask you to type the environment)"),
    CANCEL_STEP("Esc", "Esc",
            "cancel the running step, wherever the focus is (an open drop-down closes first)"),
    START_INCIDENT("Shortcut+N", "Ctrl+N", "start or resume an incident"),
    OPEN_RUNBOOK("Shortcut+O", "Ctrl+O", "open a runbook (the list of shipped runbooks, else a file)"),
    SEARCH_OUTPUT("Shortcut+F", "Ctrl+F", "search the step output"),
    FOCUS_NOTE("Shortcut+L", "Ctrl+L", "write a note for the timeline"),
    RELOAD_INVENTORY("Shortcut+R", "Ctrl+R", "reload the inventory file (the incident goes on)"),
    EXPORT_REPORT("Shortcut+E", "Ctrl+E", "export the report (preview, save, copy)"),
    COMMS("Shortcut+Shift+M", "Ctrl+Shift+M",
            "tell the team: template, edit, channels, preview, send, and each channel's delivery"),
    TICK_ITEM(null, "Space", "tick or untick the focused checklist item"),
    NEXT_FIELD(null, "Tab", "move between fields and buttons (Shift+Tab back)"),
    SHOW_SHORTCUTS("F1", "F1", "this list of shortcuts");

    private final String combination;
    private final String keys;
    private final String description;

    /** @param combination the combination the scene binds, in {@link KeyCombination} syntax; null: a control's own */
    Shortcut(String combination, String keys, String description) {
        this.combination = combination;
        this.keys = keys;
        this.description = description;
    }

    /** What the scene binds, or null when the focused control handles the key itself (Space, Tab). */
    public KeyCombination combination() {
        return combination == null ? null : KeyCombination.valueOf(combination);
    }

    /** The keys as an operator on Linux or Windows reads them: "Ctrl+N". */
    public String keys() {
        return keys;
    }

    public String description() {
        return description;
    }

    /** The action's id, as the README and the logs name it: "reload-inventory". */
    public String actionId() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The F1 list: one line per shortcut, the keys in a column. */
    public static String helpText() {
        int width = Arrays.stream(values()).mapToInt(s -> s.keys.length()).max().orElse(0) + 3;
        return Arrays.stream(values()).map(s -> String.format("%-" + width + "s%s", s.keys, s.description))
                .collect(Collectors.joining("\n"));
    }

    /** The README's table, between its shortcut markers. */
    public static String markdownTable() {
        return "| key | does |\n|---|---|\n" + Arrays.stream(values())
                .map(s -> "| " + s.keys + " | " + s.description + " |").collect(Collectors.joining("\n")) + "\n";
    }
}
