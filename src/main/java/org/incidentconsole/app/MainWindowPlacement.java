package org.incidentconsole.app;

import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.incidentconsole.ui.MainWindowController;
import org.incidentconsole.ui.common.WindowPlacement;
import org.incidentconsole.ui.common.WindowPrefs;

/**
 * Opens the main window at the size {@link WindowPlacement} chooses for its screen and what was remembered, and
 * remembers size, maximized state, dividers and theme when it closes. The un-maximized size is tracked apart:
 * a maximized window reports the screen's size, which is not what it should return to.
 */
final class MainWindowPlacement {
    private MainWindowPlacement() {
    }

    /** Sizes a stage that is not yet shown (or shows a placeholder) by the remembered prefs in {@code file}. */
    static WindowPrefs size(Stage stage, Path file) {
        WindowPrefs prefs = WindowPrefsFile.load(file);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WindowPlacement p = WindowPlacement.choose(screen.getWidth(), screen.getHeight(), prefs);
        stage.setMinWidth(Math.min(WindowPlacement.MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(WindowPlacement.MIN_HEIGHT, screen.getHeight()));
        if (!stage.isShowing() || !stage.isMaximized()) {
            // a window that opens maximized is first given the whole screen: what a window manager returns it to
            // when a modal dialog un-maximizes it (see keepMaximizedUnderDialogs) is then the same place and size
            double width = p.maximized() ? screen.getWidth() : p.width();
            double height = p.maximized() ? screen.getHeight() : p.height();
            stage.setWidth(width);
            stage.setHeight(height);
            stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
            stage.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
        }
        stage.setMaximized(p.maximized());
        return prefs;
    }

    /**
     * JavaFX on Linux (GTK) pins a window to the size it last asked for while a modal dialog is open (min = max =
     * that size); a window manager then un-maximizes it to that size (JDK-8332222, fixed after JavaFX 21). Asking
     * a maximized window for the screen's size makes that pinned size the maximized one; the window manager keeps
     * it maximized meanwhile.
     */
    private static void keepMaximizedUnderDialogs(Stage stage) {
        if (stage.isMaximized()) {
            Rectangle2D screen = Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        }
    }

    /** ... and once a modal dialog of this window closes, the window is maximized again if it was. */
    private static boolean[] remaximizeAfterDialogs(Stage stage) {
        boolean[] wanted = {false};
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    if (w instanceof Stage dialog && dialog.getOwner() == stage
                            && dialog.getModality() != Modality.NONE && stage.isMaximized()) {
                        wanted[0] = true;
                        // the window is enabled again a moment after the dialog has gone
                        PauseTransition enabled = new PauseTransition(
                                Duration.millis(300));
                        enabled.setOnFinished(e -> remaximize(stage, wanted));
                        dialog.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> enabled.play());
                    }
                }
            }
        });
        return wanted;
    }

    private static void remaximize(Stage stage, boolean[] wanted) {
        if (wanted[0] && !stage.isMaximized()) {
            stage.setMaximized(true);
        }
        wanted[0] = false;
    }

    /** Restores dividers and theme in the window, and saves the layout to {@code file} when the window closes. */
    static void remember(Stage stage, MainWindowController main, WindowPrefs prefs, Path file) {
        main.restore(prefs);
        double[] normal = {stage.getWidth(), stage.getHeight()};
        Runnable track = () -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0) {
                normal[0] = stage.getWidth();
                normal[1] = stage.getHeight();
            }
        };
        stage.widthProperty().addListener((obs, old, now) -> track.run());
        stage.heightProperty().addListener((obs, old, now) -> track.run());
        // the window manager maximizes after the first frame: dividers are restored once the window has its size
        // shown, then maximized by the window manager: the dividers are put back once the window has that size
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(() -> main.restore(prefs)));
        boolean[] firstMaximize = {true};
        stage.maximizedProperty().addListener((obs, old, now) -> Platform.runLater(() -> {
            if (now && firstMaximize[0]) {
                firstMaximize[0] = false;
                main.restore(prefs);
            }
            if (now) {
                keepMaximizedUnderDialogs(stage);
            }
        }));
        if (stage.isMaximized()) {
            Platform.runLater(() -> keepMaximizedUnderDialogs(stage));
        }
        boolean[] wanted = remaximizeAfterDialogs(stage);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e ->
                WindowPrefsFile.save(file, main.layout(normal[0], normal[1], stage.isMaximized() || wanted[0])));
    }
}
