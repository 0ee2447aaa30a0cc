package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.testing.FxScreen.clickWhenVisible;
import static org.incidentconsole.testing.FxScreen.textNow;
import static org.incidentconsole.testing.FxScreen.waitFor;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.ui.common.FxHostKeyPrompt;
import org.incidentconsole.ui.hosts.HostItemViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Reload in the real window: an inventory broken while an incident runs lists every problem with file:line:col
 * and field (the hosts stay); once fixed, Reload lists the new hosts, keeps the connected one connected and the
 * incident open, and the journal has both reloads.
 */
@ExtendWith(ApplicationExtension.class)
class InventoryReloadScreenTest {
    @TempDir
    Path dir;
    MinaSshServer server;
    ConsoleServices services;
    Path inventory;
    Path key;
    int closedPort;

    @Start
    void start(Stage stage) throws Exception {
        FxScreen.forgetEarlierTestsExceptions();
        key = TestKeys.generate(dir, "id_ed25519");
        server = MinaSshServer.start(TestKeys.publicKey(key));
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, hosts("""
                  - {name: web-01, address: 127.0.0.1, port: %d}
                  - {name: web-02, address: 127.0.0.1, port: %d}
                """.formatted(server.port(), closedPort)));
        services = new ConsoleServices(new AppHome(dir.resolve("home")), dir.resolve("user-home"), Map.of(),
                new FxHostKeyPrompt(() -> stage), PassphrasePrompt.NONE, SudoPasswordPrompt.NONE);
        MainWindowWiring.show(stage, services, inventory, false);
    }

    private String hosts(String list) {
        return """
                environment: staging
                defaults:
                  user: %s
                  identity_files: [%s]
                  agent: false
                hosts:
                """.formatted(System.getProperty("user.name"), key) + list;
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
        server.close();
    }

    private List<IncidentEvent.InventoryReloaded> reloads() throws Exception {
        try (Stream<Path> s = Files.walk(dir.resolve("home"))) {
            Path file = s.filter(p -> p.getFileName().toString().equals("journal.jsonl")).findFirst().orElseThrow();
            return JournalReader.read(file).records().stream().map(JournalRecord::data)
                    .filter(e -> e instanceof IncidentEvent.InventoryReloaded)
                    .map(e -> (IncidentEvent.InventoryReloaded) e).toList();
        }
    }

    /** Each host card ends above the next one begins, whatever its text (a failure reason makes it taller). */
    @SuppressWarnings("unchecked")
    private static boolean cardsApart(FxRobot robot) {
        List<ListCell<HostItemViewModel>> cells = robot.lookup("#host-list .list-cell")
                .match((Node n) -> n.getScene() != null && n.isVisible()).queryAll().stream()
                .map(n -> (ListCell<HostItemViewModel>) n)
                .filter(c -> c.getItem() != null && !c.isEmpty())
                .sorted(Comparator.comparingInt(ListCell::getIndex)).toList();
        if (cells.size() < 2) {
            return false;
        }
        for (int i = 0; i < cells.size(); i++) {
            Bounds card = cells.get(i).localToScene(cells.get(i).getBoundsInLocal());
            Node reason = cells.get(i).lookup(".host-reason");
            if (reason != null && reason.isVisible()
                    && reason.localToScene(reason.getBoundsInLocal()).getMaxY() > card.getMaxY() + 0.5) {
                return false; // the reason runs out of its card, over the next one
            }
            if (i > 0 && cells.get(i - 1).localToScene(cells.get(i - 1).getBoundsInLocal()).getMaxY()
                    > card.getMinY() + 0.5) {
                return false;
            }
        }
        return true;
    }

    @Test
    void a_broken_file_lists_every_problem_and_reload_after_the_fix_keeps_the_incident_and_the_connection(
            FxRobot robot) throws Exception {
        ListView<HostItemViewModel> list = robot.lookup("#host-list").queryListView();
        waitFor(30, () -> list.getItems().size() == 2);
        KeyboardScreenTest.clickUntil(robot, "#connect-web-01",
                () -> robot.lookup("#" + FxHostKeyPrompt.DIALOG_ID).tryQuery().isPresent());
        clickWhenVisible(robot, FxHostKeyPrompt.TRUST);
        waitFor(30, () -> textNow(robot, "#state-web-01").equals("connected"));
        KeyboardScreenTest.clickUntil(robot, "#connect-web-02", () -> textNow(robot, "#state-web-02").equals("failed"));
        waitFor(30, () -> textNow(robot, "#reason-web-02").contains("connection refused"));
        waitFor(30, () -> cardsApart(robot));

        clickWhenVisible(robot, "#start-incident");
        clickWhenVisible(robot, "#incident-title");
        robot.write("Payments slow");
        clickWhenVisible(robot, "Start incident");
        waitFor(30, () -> textNow(robot, "#incident-title-label").startsWith("Payments slow"));
        Node panel = robot.lookup("#inventory-problems").query();
        assertThat(panel.isVisible()).isFalse();

        Files.writeString(inventory, hosts("""
                  - {name: web-01, address: 127.0.0.1, port: %d, prot: 22}
                  - {name: web-02, address: 127.0.0.1, port: 70000}
                  - {name: web-03, adress: 127.0.0.1}
                """.formatted(server.port())));
        robot.push(KeyCode.CONTROL, KeyCode.R);
        waitFor(30, panel::isVisible);
        assertThat(textNow(robot, "#inventory-problems-heading")).startsWith("The inventory has 4 problems");
        assertThat(List.of(textNow(robot, "#inventory-problem-0"), textNow(robot, "#inventory-problem-1"),
                textNow(robot, "#inventory-problem-2"), textNow(robot, "#inventory-problem-3")))
                .containsExactly(inventory + ":7:" + (Files.readAllLines(inventory).get(6).indexOf("prot") + 1),
                        inventory + ":8:46", inventory + ":9:5", inventory + ":9:20");
        assertThat(robot.lookup("#inventory-problem-list .label").queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("hosts[0].prot", "port", "address", "hosts[2].adress");
        assertThat(list.getItems()).as("a failed reload leaves the hosts as they were")
                .extracting(HostItemViewModel::name).containsExactly("web-01", "web-02");
        waitFor(30, () -> reloads().size() == 1);
        assertThat(reloads().get(0).problems()).isEqualTo(4);

        Files.writeString(inventory, hosts("""
                  - {name: web-01, address: 127.0.0.1, port: %d}
                  - {name: web-03, address: 127.0.0.1, port: %d, tags: [new]}
                """.formatted(server.port(), closedPort)));
        clickWhenVisible(robot, "#reload-inventory");
        waitFor(30, () -> !panel.isVisible());
        waitFor(30, () -> list.getItems().stream().map(HostItemViewModel::name).toList()
                .equals(List.of("web-01", "web-03")));
        assertThat(textNow(robot, "#reload-outcome"))
                .endsWith("1 host added (web-03), 1 host removed (web-02), 0 hosts changed.");
        waitFor(30, () -> textNow(robot, "#state-web-01").equals("connected"));
        assertThat(textNow(robot, "#incident-title-label")).startsWith("Payments slow");
        waitFor(30, () -> reloads().size() == 2);
        IncidentEvent.InventoryReloaded fixed = reloads().get(1);
        assertThat(fixed.added()).containsExactly("web-03");
        assertThat(fixed.removed()).containsExactly("web-02");
        assertThat(fixed.changed()).isEmpty();
        assertThat(fixed.problems()).isZero();
    }
}
