package org.incidentconsole.ui.approval;

import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.incidentconsole.ui.common.FxmlView;
import org.incidentconsole.ui.common.ViewLoader;

/** A window for one approval dialog, in the owner's theme plus approval.css. Build on the FX thread. */
final class ApprovalStage {
    static final String STYLESHEET = "/styles/approval.css";

    private ApprovalStage() {
    }

    static Stage open(Window owner, String title, FxmlView view, Class<?> controllerType, Supplier<?> controller) {
        Parent root = new ViewLoader(Map.of(controllerType, controller)).load(view);
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.getStylesheets().add(ApprovalStage.class.getResource(STYLESHEET).toExternalForm());
        Stage stage = new Stage();
        stage.setTitle(title);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setScene(scene);
        return stage;
    }
}
