package org.incidentconsole.ui.common;

/** Every FXML file of the app, found under the fxml/ resource root. */
public enum FxmlView {
    MAIN_WINDOW("main_window.fxml"),
    APPROVAL_WAIT("approval_wait.fxml"),
    APPROVAL_REVIEW("approval_review.fxml");

    private final String file;

    FxmlView(String file) {
        this.file = file;
    }

    public String resource() {
        return "/fxml/" + file;
    }
}
