package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.ui.common.FxHostKeyPrompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole comms path in the real window: two channels of the inventory's notify: backed by webhooks on loopback
 * (one takes the message, one refuses it), composed, previewed and sent from the Comms window; both results shown,
 * journaled, in the report's messaging section, and the webhook URLs (secrets) in no file the console wrote.
 */
@ExtendWith(ApplicationExtension.class)
class CommsWindowScreenTest {
    private static final long SEED = new Random().nextLong();

    @TempDir
    Path dir;
    HttpServer hooks;
    ConsoleServices services;
    String okToken;
    String badToken;
    final List<String> received = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        Random random = new Random(SEED);
        okToken = token(random);
        badToken = token(random);
        hooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        hooks.createContext("/", this::answer);
        hooks.start();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, """
                environment: staging
                hosts:
                  - {name: web-01, address: 127.0.0.1, port: %d, user: deploy, agent: false}
                notify:
                  update_every: 5m
                  channels:
                    ops: {type: slack, url_env: OPS_HOOK}
                    eng: {type: mattermost, url_env: ENG_HOOK}
                """.formatted(closed));
        String base = "http://127.0.0.1:" + hooks.getAddress().getPort();
        services = new ConsoleServices(new AppHome(dir.resolve("home")), dir.resolve("user-home"),
                Map.of("OPS_HOOK", base + "/services/" + okToken, "ENG_HOOK", base + "/hooks/" + badToken),
                new FxHostKeyPrompt(() -> stage), PassphrasePrompt.NONE, SudoPasswordPrompt.NONE);
        MainWindowWiring.show(stage, services, inventory, false);
    }

    private static String token(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = exchange.getRequestURI().getPath().endsWith(okToken);
            synchronized (received) {
                received.add(body);
            }
            byte[] reply = (ok ? "ok" : "invalid_payload").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 400, reply.length);
            exchange.getResponseBody().write(reply);
        }
    }

    @AfterEach
    void tearDown() {
        services.close();
        hooks.stop(0);
    }

    @Test
    void compose_preview_send_to_two_channels_one_failing_both_results_journaled_and_reported(FxRobot robot)
            throws Exception {
        waitFor(30, () -> robot.lookup("#state-web-01").tryQuery().isPresent());
        robot.push(KeyCode.CONTROL, KeyCode.N);
        clickWhenVisible(robot, "#incident-title");
        robot.write("Checkout answers 500");
        clickWhenVisible(robot, "Start incident");
        waitFor(30, () -> textNow(robot, "#incident-title-label").startsWith("Checkout answers 500"));
        assertThat(textNow(robot, "#next-update")).as("no cadence before the first alert").isEmpty();

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M);
        waitFor(30, () -> textNow(robot, "#comms-text").contains("Checkout answers 500"));
        clickWhenVisible(robot, "#comms-channel-ops");
        clickWhenVisible(robot, "#comms-channel-eng");
        clickWhenVisible(robot, "#comms-preview-button");
        waitFor(30, () -> textNow(robot, "#comms-preview").contains("eng"));
        String preview = textNow(robot, "#comms-preview");
        assertThat(preview).as("seed " + SEED).contains("POST http://127.0.0.1").doesNotContain(okToken, badToken);

        clickWhenVisible(robot, "#comms-send");
        waitFor(60, () -> textNow(robot, "#comms-delivery-ops").startsWith("delivered at ")
                && textNow(robot, "#comms-delivery-eng").startsWith("failed"));
        assertThat(textNow(robot, "#comms-delivery-eng")).contains("400 invalid_payload");
        assertThat(received).as("both services were asked").hasSize(2);
        assertThat(received.get(0)).contains("Checkout answers 500");
        waitFor(30, () -> textNow(robot, "#next-update").startsWith("Next update "));

        IncidentSession session = services.incidents().current();
        String journal = Files.readString(session.journalFile());
        assertThat(journal).contains("\"type\":\"message-posted\"").contains("\"template\":\"initial\"");
        assertThat(journal.lines().filter(l -> l.contains("\"type\":\"message-delivery\""))).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("\"channel\":\"ops\"", "\"result\":\"delivered\""))
                .anySatisfy(l -> assertThat(l).contains("\"channel\":\"eng\"", "\"result\":\"failed\""));

        String report = services.incidents().exportReport().markdown();
        String messaging = report.substring(report.indexOf("## Messaging"));
        assertThat(messaging).contains("initial message sent by").contains("- `ops`: delivered at ")
                .contains("- `eng`: failed: 400 invalid\\_payload");

        services.close(); // logs flushed, journal closed: every file the console wrote is final
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(content).as("seed " + SEED + ": " + f).doesNotContain(okToken, badToken);
            }
        }
    }
}
