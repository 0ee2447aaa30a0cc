package org.incidentconsole.app;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** The window's keyboard shortcuts (listed under F1): Ctrl+Enter run, Esc cancel, Ctrl+E export. */
final class Shortcuts {
    private Shortcuts() {
    }

    static void install(Scene scene, Runnable run, Runnable cancel, Runnable export, Runnable help) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), run);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), export);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), help);
        // Esc cancels a run, unless a control (an open combo box, a dialog's field) uses it first
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed()) {
                cancel.run();
            }
        });
    }
}
