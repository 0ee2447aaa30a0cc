package org.incidentconsole.ui.comms;

import org.incidentconsole.report.CommsTemplate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.incidentconsole.ui.common.Theme;

/**
 * Not a test: the Comms window over the loopback webhooks, three channels sent to, for a person (or the screenshot
 * tool under Xvfb) to look at. Run with the test classpath: {@code java -cp … org.incidentconsole.ui.comms.CommsWindowLook}.
 */
public final class CommsWindowLook {
    private CommsWindowLook() {
    }

    public static void main(String[] args) {
        Application.launch(Look.class, args);
    }

    /** The application itself (a main class that is an Application needs JavaFX as modules). */
    public static final class Look extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            LoopbackHooks hooks = new LoopbackHooks();
            ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, r -> {
                Thread t = new Thread(r, "look");
                t.setDaemon(true);
                return t;
            });
            LoopbackGateway gateway = new LoopbackGateway(new PlainCourier(pool))
                    .channel("slack", LoopbackHooks.sender("ops", hooks.hook(LoopbackHooks.Answer.OK)))
                    .channel("mattermost", LoopbackHooks.sender("eng", hooks.hook(LoopbackHooks.Answer.INVALID)))
                    .channel("teams", LoopbackHooks.sender("leads", hooks.hook(LoopbackHooks.Answer.BUSY)));
            Scene scene = new Scene(new StackPane(new Label("the console")), 1280, 800);
            Theme.DARK.apply(scene);
            stage.setScene(scene);
            stage.setTitle("Incident Console");
            stage.show();
            CommsViewModel model = new CommsViewModel(Platform::runLater, pool, gateway, Clock.systemDefaultZone());
            new CommsDialog(stage, model).show();
            model.templateProperty().set(CommsTemplate.PROGRESS);
            model.open().thenRun(() -> Platform.runLater(() -> {
                model.channels().stream().filter(r -> List.of("ops", "eng", "leads").contains(r.name()))
                        .forEach(r -> r.selectedProperty().set(true));
                model.preview().thenRun(() -> Platform.runLater(model::send));
            }));
        }
    }
}
