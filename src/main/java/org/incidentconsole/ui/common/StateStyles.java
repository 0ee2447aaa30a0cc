package org.incidentconsole.ui.common;

import javafx.scene.Node;

/** Shows a state as a pseudo-class on a node: exactly one value of the state's type is on at a time. */
public final class StateStyles {
    private StateStyles() {
    }

    /** Switches on {@code state}'s pseudo-class and off every other value of {@code type}; null: none is on. */
    public static <E extends Enum<E>> void show(Node node, Class<E> type, E state) {
        for (E value : type.getEnumConstants()) {
            node.pseudoClassStateChanged(StyleClasses.pseudoClass(value), value == state);
        }
    }

    /** For an open set of values (an environment's name): {@code old} off, {@code now} on; either may be empty. */
    public static void replace(Node node, String old, String now) {
        if (old != null && !old.isBlank()) {
            node.pseudoClassStateChanged(StyleClasses.pseudoClass(old), false);
        }
        if (now != null && !now.isBlank()) {
            node.pseudoClassStateChanged(StyleClasses.pseudoClass(now), true);
        }
    }
}
