package org.incidentconsole.app;

import java.net.URL;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The installers' icon, for the task bar and window switcher. */
final class WindowIcon {
    private WindowIcon() {
    }

    /** Decoded once per stage (the drill's stage is shown twice: placeholder, then the window). */
    static void setOn(Stage stage) {
        URL icon = WindowIcon.class.getResource("/icons/incident-console.png");
        if (icon != null && stage.getIcons().isEmpty()) {
            stage.getIcons().add(new Image(icon.toExternalForm()));
        }
    }
}
