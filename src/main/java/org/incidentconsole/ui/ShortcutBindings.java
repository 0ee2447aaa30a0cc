package org.incidentconsole.ui;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds each {@link Shortcut} of a window to its action. */
public final class ShortcutBindings {
    private static final Logger LOG = LoggerFactory.getLogger(ShortcutBindings.class);

    private ShortcutBindings() {
    }

    /**
     * Binds every shortcut with a combination to its action in {@code actions}; a shortcut without one is left alone.
     * Esc is seen before any control (a list view would consume it): it cancels from anywhere in the window, except
     * while a drop-down is open there, which Esc closes first. A dialog is a window of its own and keeps its Esc.
     */
    public static void install(Scene scene, Map<Shortcut, Runnable> actions) {
        for (Shortcut s : Shortcut.values()) {
            Runnable action = actions.get(s);
            if (action == null || s.combination() == null || s == Shortcut.CANCEL_STEP) {
                continue;
            }
            scene.getAccelerators().put(s.combination(), () -> {
                LOG.debug("Shortcut {} ({})", s.keys(), s.actionId());
                action.run();
            });
        }
        Runnable cancel = actions.get(Shortcut.CANCEL_STEP);
        if (cancel != null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE && !e.isShortcutDown() && !popupOpen(scene.getFocusOwner())) {
                    cancel.run();
                }
            });
        }
    }

    /** A drop-down open in the window uses Esc to close itself. */
    static boolean popupOpen(Node focused) {
        return focused instanceof ComboBoxBase<?> c && c.isShowing()
                || focused instanceof ChoiceBox<?> b && b.isShowing()
                || focused instanceof MenuButton m && m.isShowing();
    }
}
