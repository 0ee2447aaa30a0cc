package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.StepOutcome;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.ui.runbook.StepMark;
import org.incidentconsole.ui.runbook.StepperViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming an incident puts the stepper back exactly where the journal left it; nothing runs by itself. */
class StepperResumeTest {
    static final String RUNBOOK = """
            ---
            variables:
              stable_ref: {role: rollback-to, suggest: "pick stable"}
              deployed_ref: {role: rollback-from, default: bbb2222}
              ticket: {suggest: "pick ticket"}
            ---
            # Rollback
            ## Look (30 seconds)
            ```bash
            echo "deployed {{deployed_ref}}"
            ```
            - [ ] Noted the deployed ref
            ## Switch (1 minute)
            ```bash
            echo "switching to {{stable_ref}}"
            ```
            - [ ] Health is green
            ## Clear caches
            ```bash
            echo cleared
            ```
            ## Tell people
            ```bash
            echo "ticket {{ticket}}"
            ```
            """;

    @TempDir
    Path dir;
    SshKit kit;
    MinaSshServer sshd;
    SshConnections ssh;
    Host web1;
    IncidentStore store;
    Path file;
    final List<IncidentSession> sessions = new CopyOnWriteArrayList<>();
    final List<String> suggested = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        ssh = kit.connections();
        web1 = SshKit.host("web-01", sshd.port(), key);
        store = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC());
        file = dir.resolve("rollback.md");
        Files.writeString(file, RUNBOOK);
    }

    @AfterEach
    void tearDown() throws Exception {
        sessions.forEach(IncidentSession::close);
        kit.close();
        sshd.close();
    }

    private StepperViewModel model(IncidentSession session, Function<String, String> suggestion) {
        return new StepperViewModel(Runnable::run, Runnable::run, () -> session,
                new StepRunner(ssh, new Redactor(), kit.io), () -> List.of(web1), () -> List.of(web1), suggestion,
                "jana", Clock.systemUTC(), new SimpleStringProperty(""));
    }

    private IncidentSession start() throws Exception {
        IncidentSession s = store.start("t", "x", Severity.P1, "drill", "jana", file.toString(), "UTC");
        sessions.add(s);
        return s;
    }

    /** Closes the session as a relaunch would find it, and resumes it from its journal. */
    private IncidentSession relaunch(IncidentSession s) throws Exception {
        s.close();
        sessions.remove(s);
        IncidentSession resumed = store.resume(s.id());
        sessions.add(resumed);
        return resumed;
    }

    private static <T extends IncidentEvent> List<T> journaled(IncidentSession s, Class<T> type) throws Exception {
        return JournalReader.read(s.journalFile()).records().stream().map(JournalRecord::data)
                .filter(type::isInstance).map(type::cast).toList();
    }

    private StepperViewModel resumed(IncidentSession s) throws Exception {
        StepperViewModel model = model(s, command -> {
            suggested.add(command);
            return command.equals("pick ticket") ? "INC-42" : "zzz9999";
        });
        model.resume(s.state()).get(30, TimeUnit.SECONDS);
        return model;
    }

    @Test
    void marks_outcomes_with_output_ticks_and_variables_come_back_as_journaled_and_set_values_are_not_suggested()
            throws Exception {
        IncidentSession first = start();
        StepperViewModel walk = model(first, command -> command.equals("pick stable") ? "aaa1111" : null);
        walk.open(file);
        walk.setValue("stable_ref", "ccc3333"); // the operator's edit, not the suggestion
        walk.commitValue("stable_ref").get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            walk.select(walk.steps().get(i));
            assertThat(walk.run(null).get(60, TimeUnit.SECONDS).get("web-01").ok()).isTrue();
        }
        Step look = walk.steps().get(0);
        walk.tick(look, look.checklist().get(0), true).get(10, TimeUnit.SECONDS);
        IncidentSession s = relaunch(first);
        int startedBefore = journaled(s, IncidentEvent.StepStarted.class).size();

        StepperViewModel model = resumed(s);

        assertThat(model.warningProperty().get()).isEmpty();
        assertThat(model.steps()).extracting(Step::title)
                .containsExactly("Look (30 seconds)", "Switch (1 minute)", "Clear caches", "Tell people");
        List<Step> steps = model.steps();
        for (int i = 0; i < 3; i++) {
            assertThat(model.marks()).containsEntry(steps.get(i).pathText(), StepMark.SUCCEEDED);
        }
        assertThat(model.marks()).doesNotContainKey(steps.get(3).pathText());
        assertThat(model.selectedProperty().get()).as("resumes at the step after the last one run")
                .isEqualTo(steps.get(3));
        assertThat(model.journaledResults(steps.get(1))).singleElement().satisfies(r -> {
            assertThat(r.host()).isEqualTo("web-01");
            assertThat(r.outcome()).isEqualTo(StepOutcome.OK);
            assertThat(r.output()).contains("switching to ccc3333");
        });
        assertThat(model.hostOutputs()).as("the step resumed at never ran: no output of another step")
                .isEmpty();
        model.select(steps.get(2));
        assertThat(model.hostOutputs()).singleElement().satisfies(o -> {
            assertThat(o.host()).isEqualTo("web-01");
            assertThat(o.statusProperty().get()).startsWith("OK");
            assertThat(o.lines()).contains("cleared");
        });
        model.select(steps.get(1));
        assertThat(model.hostOutputs()).as("a step selected shows its journaled results").singleElement()
                .satisfies(o -> assertThat(o.lines()).contains("switching to ccc3333"));
        assertThat(model.isTicked(steps.get(0), steps.get(0).checklist().get(0))).isTrue();
        assertThat(model.tickedBy(steps.get(0), steps.get(0).checklist().get(0))).matches("jana \\d\\d:\\d\\d:\\d\\d");
        assertThat(model.isTicked(steps.get(1), steps.get(1).checklist().get(0))).isFalse();
        assertThat(model.values()).containsEntry("stable_ref", "ccc3333").containsEntry("deployed_ref", "bbb2222")
                .containsEntry("ticket", "INC-42");
        assertThat(suggested).as("only the variable the journal never set is suggested").containsExactly("pick ticket");
        assertThat(journaled(s, IncidentEvent.StepStarted.class)).as("nothing ran by itself").hasSize(startedBefore);
        assertThat(journaled(s, IncidentEvent.VariableSet.class)).last()
                .isEqualTo(new IncidentEvent.VariableSet("ticket", "INC-42", null));
    }

    @Test
    void a_step_started_but_never_finished_reads_unknown_on_its_host_and_is_not_run_again() throws Exception {
        IncidentSession first = start();
        first.record(IncidentEvent.RunbookLoaded.of(new RunbookParser().parse(file))).join();
        first.record(new IncidentEvent.VariableSet("stable_ref", "ccc3333", "rollback-to")).join();
        first.record(new IncidentEvent.StepStarted("Rollback › Look (30 seconds)", "web-01", "echo x")).join();
        first.record(new IncidentEvent.StepFinished("Rollback › Look (30 seconds)", "web-01", "echo x",
                StepOutcome.OK, 0,
                12, null, "x", null)).join();
        // what a SIGKILL mid-step leaves: started on two hosts, one of them skipped, no end for the other
        first.record(new IncidentEvent.StepStarted("Rollback › Switch (1 minute)", "web-01", "echo y")).join();
        first.record(new IncidentEvent.StepStarted("Rollback › Switch (1 minute)", "web-02", "echo y")).join();
        first.record(new IncidentEvent.StepSkipped("Rollback › Switch (1 minute)", "web-02", "cancelled")).join();
        IncidentSession s = relaunch(first);
        int startedBefore = journaled(s, IncidentEvent.StepStarted.class).size();

        StepperViewModel model = resumed(s);

        Step sw = model.steps().get(1);
        assertThat(s.state().walk().interrupted()).containsOnlyKeys("Rollback › Switch (1 minute) @ web-01");
        assertThat(model.marks()).containsEntry(model.steps().get(0).pathText(), StepMark.SUCCEEDED)
                .containsEntry(sw.pathText(), StepMark.UNKNOWN);
        assertThat(model.selectedProperty().get()).as("the operator lands on the interrupted step").isEqualTo(sw);
        assertThat(model.hostOutputs()).singleElement().satisfies(o -> {
            assertThat(o.host()).isEqualTo("web-01");
            assertThat(o.statusProperty().get()).isEqualTo("UNKNOWN");
            assertThat(o.lines()).singleElement().asString().startsWith("— UNKNOWN: the console stopped while");
        });
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(journaled(s, IncidentEvent.StepStarted.class)).hasSize(startedBefore);
        assertThat(model.values()).containsEntry("stable_ref", "ccc3333");
        assertThat(suggested).doesNotContain("pick stable");
    }

    @Test
    void a_runbook_changed_since_shows_a_warning_and_keeps_the_journaled_steps_runnable_only_where_still_in_the_file()
            throws Exception {
        IncidentSession first = start();
        first.record(IncidentEvent.RunbookLoaded.of(new RunbookParser().parse(file))).join();
        Files.writeString(file, RUNBOOK.replaceFirst("(?s)## Switch.*?(## Clear caches)", "$1"));
        IncidentSession s = relaunch(first);

        StepperViewModel model = resumed(s);

        assertThat(model.warningProperty().get()).isEqualTo("The runbook file " + file + " changed since it was "
                + "opened in this incident: its steps are shown as journaled; only steps still in the file can run.");
        assertThat(model.steps()).extracting(Step::title)
                .containsExactly("Look (30 seconds)", "Switch (1 minute)", "Clear caches", "Tell people");
        assertThat(model.steps().get(1).shellBlocks()).as("removed from the file: cannot run").isEmpty();
        assertThat(model.steps().get(1).checklist()).extracting(c -> c.text()).containsExactly("Health is green");
        assertThat(model.steps().get(2).shellBlocks()).as("still in the file: runs as the file says").hasSize(1);
        assertThat(model.runbookProperty().get().title()).isEqualTo("Rollback");
    }

    @Test
    void a_runbook_file_gone_shows_a_warning_and_the_journaled_steps_none_runnable() throws Exception {
        IncidentSession first = start();
        first.record(IncidentEvent.RunbookLoaded.of(new RunbookParser().parse(file))).join();
        first.record(new IncidentEvent.VariableSet("stable_ref", "ccc3333", "rollback-to")).join();
        Files.delete(file);
        IncidentSession s = relaunch(first);

        StepperViewModel model = resumed(s);

        assertThat(model.warningProperty().get()).startsWith("The runbook file " + file + " is gone or unreadable");
        assertThat(model.steps()).hasSize(4).allSatisfy(step -> assertThat(step.shellBlocks()).isEmpty());
        assertThat(model.values()).containsEntry("stable_ref", "ccc3333");
        assertThat(suggested).isEmpty();
    }

    @Test
    void a_journal_without_a_runbook_leaves_the_stepper_empty() throws Exception {
        IncidentSession s = relaunch(start());

        StepperViewModel model = resumed(s);

        assertThat(model.steps()).isEmpty();
        assertThat(model.runbookProperty().get()).isNull();
    }
}
