package org.incidentconsole.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Shows a dialog on the FX thread for a caller on another thread, and waits for the operator's answer. */
final class FxDialogs {
    private FxDialogs() {
    }

    /** @return the dialog's answer, or {@code otherwise} when it failed or the waiting thread was interrupted */
    static <T> T askAndWait(Supplier<T> dialog, T otherwise) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("a prompt must be called off the FX thread: it waits for the operator");
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(dialog.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return otherwise;
        } catch (ExecutionException e) {
            return otherwise;
        }
    }
}
