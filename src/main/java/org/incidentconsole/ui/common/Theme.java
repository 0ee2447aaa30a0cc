package org.incidentconsole.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
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

    /**
     * Idempotent. Setting the user-agent stylesheet re-styles every window even when it is the same sheet; the
     * window applied it twice at start (the controller when its scene arrives, then the window's wiring), and the
     * second time, mid-way through the first CSS pass, the host pane's nodes looked tokens up before the theme's
     * {@code .root} reached them: ~20 "ClassCastException … -fx-border-color" / "Could not resolve" warnings.
     */
    public void apply(Scene scene) {
        String agent = this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet();
        if (!agent.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(agent);
        }
        List<String> sheets = List.of(url(tokens), url("/styles/base.css"));
        if (!scene.getStylesheets().equals(sheets)) {
            scene.getStylesheets().setAll(sheets);
        }
    }

    private static String url(String resource) {
        return Objects.requireNonNull(Theme.class.getResource(resource), resource).toExternalForm();
    }
}
