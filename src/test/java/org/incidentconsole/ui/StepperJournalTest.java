package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.StepOutcome;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Environment;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.ui.hosts.HostListViewModel;
import org.incidentconsole.ui.runbook.StepMark;
import org.incidentconsole.ui.runbook.StepperViewModel;
import org.incidentconsole.ui.runbook.output.HostOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stepper journals each value as the operator commits it and as each step uses it; never-ran is NOT_RUN. */
class StepperJournalTest {
    @TempDir
    Path dir;
    SshKit kit;
    Path key;
    MinaSshServer sshd;
    SshConnections ssh;
    IncidentSession session;
    Host web1;
    final SimpleStringProperty runBlocked = new SimpleStringProperty("");

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        key = TestKeys.generate(dir, "id_ed25519");
        sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        ssh = kit.connections();
        web1 = SshKit.host("web-01", sshd.port(), key);
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x", Severity.P1,
                "drill", "jana", "r.md", "UTC");
    }

    @AfterEach
    void tearDown() throws Exception {
        session.close();
        kit.close();
        sshd.close();
    }

    private StepperViewModel open(List<Host> targets) throws Exception {
        Path file = dir.resolve("r.md");
        Files.writeString(file, """
                ---
                variables:
                  stable_ref: {role: rollback-to, default: aaa1111}
                ---
                # Rollback
                ## Switch (1 minute)
                ```bash
                echo "switching to {{stable_ref}}"
                ```
                """);
        StepperViewModel model = new StepperViewModel(Runnable::run, Runnable::run, () -> session,
                new StepRunner(ssh, new Redactor(), kit.io), List::of, () -> targets, command -> null, "jana",
                Clock.systemUTC(), runBlocked);
        model.open(file);
        return model;
    }

    private <T extends IncidentEvent> List<T> journaled(Class<T> type) throws Exception {
        return JournalReader.read(session.journalFile()).records().stream().map(JournalRecord::data)
                .filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void an_edited_value_is_journaled_once_when_committed_never_per_keystroke() throws Exception {
        StepperViewModel model = open(List.of(web1));
        for (String typed : List.of("b", "bb", "bbb", "bbb2", "bbb2222")) {
            model.setValue("stable_ref", typed);
        }
        assertThat(journaled(IncidentEvent.VariableSet.class)).as("only the prefilled value so far")
                .containsExactly(new IncidentEvent.VariableSet("stable_ref", "aaa1111", "rollback-to"));

        model.commitValue("stable_ref").get(10, TimeUnit.SECONDS);
        model.commitValue("stable_ref").get(10, TimeUnit.SECONDS); // focus lost after Enter: no second event

        assertThat(journaled(IncidentEvent.VariableSet.class)).containsExactly(
                new IncidentEvent.VariableSet("stable_ref", "aaa1111", "rollback-to"),
                new IncidentEvent.VariableSet("stable_ref", "bbb2222", "rollback-to"));
    }

    @Test
    void a_value_edited_but_not_committed_is_journaled_before_the_step_runs_and_the_step_holds_it() throws Exception {
        StepperViewModel model = open(List.of(web1));
        model.setValue("stable_ref", "ccc3333");

        var outcomes = model.run(null).get(60, TimeUnit.SECONDS);

        assertThat(outcomes.get("web-01").ok()).isTrue();
        assertThat(model.marks()).containsEntry(model.steps().get(0).pathText(), StepMark.SUCCEEDED);
        List<IncidentEvent> journal = JournalReader.read(session.journalFile()).records().stream()
                .map(JournalRecord::data).toList();
        int set = journal.indexOf(new IncidentEvent.VariableSet("stable_ref", "ccc3333", "rollback-to"));
        IncidentEvent.StepStarted started = journaled(IncidentEvent.StepStarted.class).get(0);
        assertThat(set).as("journaled before it ran").isBetween(0, journal.indexOf(started));
        assertThat(started.values()).containsExactly(Map.entry("stable_ref", "ccc3333"));
        assertThat(started.command()).contains("switching to ccc3333");
    }

    @Test
    void run_is_refused_with_the_reason_when_no_target_host_is_connected() throws Exception {
        StepperViewModel model = open(List.of(web1));
        runBlocked.set("Run is off: none of the hosts to run on is connected (web-01); connect one first.");

        assertThat(model.run(null).get(10, TimeUnit.SECONDS)).isEmpty();

        assertThat(model.messageProperty().get()).isEqualTo(runBlocked.get());
        assertThat(journaled(IncidentEvent.StepStarted.class)).isEmpty();
    }

    @Test
    void a_host_that_cannot_be_reached_shows_not_run_with_its_reason_in_its_output_tab() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        StepperViewModel model = open(List.of(SshKit.host("web-03", closedPort, key)));

        var outcomes = model.run(null).get(60, TimeUnit.SECONDS);

        assertThat(outcomes.get("web-03").outcome()).isEqualTo(StepOutcome.NOT_RUN);
        HostOutput tab = model.hostOutputs().get(0);
        assertThat(tab.statusProperty().get()).isEqualTo("NOT_RUN");
        assertThat(tab.lines()).singleElement().asString().startsWith("— not run: web-03 is not connected: ");
        assertThat(model.marks()).as("never ran is not failed").containsEntry(model.steps().get(0).pathText(), StepMark.NOT_RUN);
    }

    @Test
    void a_step_with_a_value_missing_shows_not_run_with_the_reason_on_every_host() throws Exception {
        StepperViewModel model = open(List.of(web1));
        model.setValue("stable_ref", "");

        model.run(null).exceptionally(e -> Map.of()).get(10, TimeUnit.SECONDS);

        HostOutput tab = model.hostOutputs().get(0);
        assertThat(tab.statusProperty().get()).isEqualTo("NOT_RUN");
        assertThat(tab.lines()).containsExactly("— not run: fill in before running: {{stable_ref}}");
        assertThat(journaled(IncidentEvent.StepStarted.class)).isEmpty();
    }

    @Test
    void the_host_list_says_why_run_is_off_until_a_ticked_host_is_connected() throws Exception {
        HostListViewModel hosts = new HostListViewModel(Runnable::run);
        hosts.showInventory(new Inventory(dir.resolve("inventory.yaml"), Environment.fromLabel("drill"),
                List.of(web1)), ssh::connection);

        assertThat(hosts.runBlockedProperty().get())
                .isEqualTo("Run is off: none of the hosts to run on is connected (web-01); connect one first.");

        ssh.connection(web1).connect().get(30, TimeUnit.SECONDS);
        assertThat(hosts.runBlockedProperty().get()).isEmpty();

        hosts.hosts().get(0).runOnProperty().set(false);
        assertThat(hosts.runBlockedProperty().get()).isEqualTo("Run is off: no host is ticked “Run here”.");
    }
}
