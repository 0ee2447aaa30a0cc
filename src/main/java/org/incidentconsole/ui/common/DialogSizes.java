package org.incidentconsole.ui.common;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Every dialog of the console as big as its content asks, never bigger than its screen, and resizable. Under a
 * window manager a dialog is sized before its stylesheets and content are laid out, and keeps that first guess
 * (the F1 list showed one line of six): once shown, each dialog is sized again to its scene. Installed once for
 * every window, so dialogs written anywhere in the console get it.
 */
public final class DialogSizes {
    /** How much of the screen a dialog may take at most. */
    static final double SCREEN_SHARE = 0.9;
    private static boolean installed;

    private DialogSizes() {
    }

    /** Call on the FX thread; later calls do nothing. */
    public static void install() {
        if (installed) {
            return;
        }
        installed = true;
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(DialogSizes::watch);
            }
        });
    }

    private static void watch(Window w) {
        if (!(w instanceof Stage stage) || stage.getScene() == null
                || !(stage.getScene().getRoot() instanceof DialogPane pane)) {
            return;
        }
        stage.setResizable(true);
        // once right after showing, and again when the window manager's first answer has arrived
        PauseTransition settled = new PauseTransition(
                Duration.millis(250));
        settled.setOnFinished(e -> fit(stage, pane));
        Runnable fit = () -> {
            fit(stage, pane);
            settled.playFromStart();
        };
        if (stage.isShowing()) {
            Platform.runLater(fit);
        }
        stage.showingProperty().addListener((obs, old, showing) -> {
            if (showing) {
                Platform.runLater(fit);
            }
        });
    }

    /** Sized again now, for a dialog whose content grew after it was shown (rows filled in as they arrive). */
    public static void refit(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        if (pane.getScene() == null || !(pane.getScene().getWindow() instanceof Stage stage) || !stage.isShowing()) {
            return;
        }
        pane.applyCss();
        pane.layout();
        // only when it no longer fits: fitting centres the dialog again, and the operator may have moved it
        if (pane.prefWidth(-1) > pane.getScene().getWidth() + 0.5
                || pane.prefHeight(pane.getScene().getWidth()) > pane.getScene().getHeight() + 0.5) {
            fit(stage, pane);
        }
    }

    /** Sized to the scene's preferred size, clamped to the screen the dialog is on, and centred on its owner. */
    static void fit(Stage stage, DialogPane pane) {
        pane.applyCss();
        pane.layout();
        Rectangle2D screen = screenOf(stage);
        double chromeWidth = Math.max(0, stage.getWidth() - stage.getScene().getWidth());
        double chromeHeight = Math.max(0, stage.getHeight() - stage.getScene().getHeight());
        double maxWidth = screen.getWidth() * SCREEN_SHARE;
        double maxHeight = screen.getHeight() * SCREEN_SHARE;
        double width = Math.min(pane.prefWidth(-1), maxWidth - chromeWidth);
        double height = Math.min(pane.prefHeight(width), maxHeight - chromeHeight);
        stage.setMinWidth(Math.min(pane.minWidth(-1), width) + chromeWidth);
        stage.setMinHeight(Math.min(pane.minHeight(width), height) + chromeHeight);
        boolean grow = width > stage.getScene().getWidth() + 0.5 || height > stage.getScene().getHeight() + 0.5;
        if (grow) {
            stage.setWidth(Math.max(width + chromeWidth, stage.getWidth()));
            stage.setHeight(Math.max(height + chromeHeight, stage.getHeight()));
        }
        if (stage.getWidth() > maxWidth || stage.getHeight() > maxHeight) {
            stage.setWidth(Math.min(stage.getWidth(), maxWidth));
            stage.setHeight(Math.min(stage.getHeight(), maxHeight));
        }
        Window owner = stage.getOwner();
        Rectangle2D area = owner == null ? screen : new Rectangle2D(owner.getX(), owner.getY(),
                Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()));
        double x = area.getMinX() + (area.getWidth() - stage.getWidth()) / 2;
        double y = area.getMinY() + (area.getHeight() - stage.getHeight()) / 3;
        stage.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - stage.getWidth())));
        stage.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - stage.getHeight())));
    }

    private static Rectangle2D screenOf(Stage stage) {
        Window at = stage.getOwner() != null ? stage.getOwner() : stage;
        return Screen.getScreensForRectangle(at.getX(), at.getY(), Math.max(1, at.getWidth()),
                Math.max(1, at.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    }
}
