package org.incidentconsole.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** AtlantaFX theme plus our stylesheets: base.css holds selectors, dark.css / light.css only token values. */
public enum Theme {
    DARK("/styles/dark.css"), LIGHT("/styles/light.css");

    private final String tokens;

    Theme(String tokens) {
        this.tokens = tokens;
    }

    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().setAll(url(tokens), url("/styles/base.css"));
    }

    private static String url(String resource) {
        return Objects.requireNonNull(Theme.class.getResource(resource), resource).toExternalForm();
    }
}
