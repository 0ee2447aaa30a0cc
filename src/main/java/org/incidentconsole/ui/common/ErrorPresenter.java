package org.incidentconsole.ui.common;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one way errors reach the operator: a plain sentence; the stack trace goes to the log only. */
public final class ErrorPresenter {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPresenter.class);

    private ErrorPresenter() {
    }

    /** "Export failed: disk full" — the cause's own message, without exception class names. */
    public static String plain(String what, Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
        return what + ": " + m;
    }

    /** Logs the details and returns the plain message, for a label or a status line (any thread). */
    public static String logged(String what, Throwable error) {
        String text = plain(what, error);
        LOG.error(text, error);
        return text;
    }

    /** Logs the details and shows the plain message in a dialog (FX thread). */
    public static void show(Window owner, String what, Throwable error) {
        String text = logged(what, error);
        Alert alert = new Alert(Alert.AlertType.ERROR, text + "\n\nDetails are in the log.", ButtonType.OK);
        alert.setHeaderText(what);
        alert.getDialogPane().setId("error-dialog");
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.show();
    }
}
