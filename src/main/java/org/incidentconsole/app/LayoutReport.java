package org.incidentconsole.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * For the window-manager check (packaging/wm-check.sh): when the system property {@value #PROPERTY} names a file,
 * every window appends what its content asks for next to what it got, each time it is shown or resized:
 * <pre>window TITLE x y width height prefWidth prefHeight maximized
 * node TITLE ID x y width height [items]</pre>
 * (tab-separated; nodes are the buttons, by id or else by text, and the lists with an id, in screen
 * coordinates). Off by default.
 */
final class LayoutReport {
    static final String PROPERTY = "incident-console.layout-report";

    private LayoutReport() {
    }

    static void installIfAsked() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        Path out = Path.of(file);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(w -> watch(w, out));
            }
        });
        Window.getWindows().forEach(w -> watch(w, out));
    }

    private static void watch(Window w, Path out) {
        // a short pause after a change lets the window manager's answer and the next layout pass arrive
        PauseTransition settle = new PauseTransition(Duration.millis(400));
        settle.setOnFinished(e -> write(w, out));
        Runnable again = settle::playFromStart;
        w.showingProperty().addListener((obs, old, now) -> again.run());
        w.widthProperty().addListener((obs, old, now) -> again.run());
        w.heightProperty().addListener((obs, old, now) -> again.run());
        w.sceneProperty().addListener((obs, old, now) -> again.run());
        if (w instanceof Stage stage) {
            stage.titleProperty().addListener((obs, old, now) -> again.run());
            stage.maximizedProperty().addListener((obs, old, now) -> again.run());
        }
        again.run();
    }

    private static void write(Window w, Path out) {
        if (!w.isShowing() || w.getScene() == null) {
            return;
        }
        String title = w instanceof Stage s && s.getTitle() != null ? s.getTitle() : "";
        Parent root = w.getScene().getRoot();
        StringBuilder b = new StringBuilder();
        double prefWidth = root.prefWidth(-1);
        b.append(String.join("\t", "window", title, n(w.getX()), n(w.getY()), n(w.getScene().getWidth()),
                n(w.getScene().getHeight()), n(prefWidth), n(root.prefHeight(w.getScene().getWidth())),
                String.valueOf(w instanceof Stage s && s.isMaximized()))).append('\n');
        root.lookupAll("*").forEach(node -> node(title, node, b));
        try {
            Files.writeString(out, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(LayoutReport.class).warn("Layout report not written: {}",
                    e.getMessage());
        }
    }

    private static void node(String title, Node node, StringBuilder b) {
        String id = node.getId() != null ? node.getId()
                : node instanceof ButtonBase button && button.getText() != null ? "text:" + button.getText() : null;
        if (id == null || !(node instanceof ButtonBase || node instanceof ListView<?>) || !node.isVisible()) {
            return;
        }
        Bounds s = node.localToScreen(node.getLayoutBounds());
        if (s == null) {
            return;
        }
        b.append(String.join("\t", "node", title, id, n(s.getMinX()), n(s.getMinY()), n(s.getWidth()),
                n(s.getHeight()), node instanceof ListView<?> l ? String.valueOf(l.getItems().size()) : ""))
                .append('\n');
    }

    private static String n(double d) {
        return String.format(Locale.ROOT, "%.0f", d);
    }
}
