package org.incidentconsole.ui.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.ChecklistItem;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.ui.runbook.output.RunOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stepper's view models without the toolkit, over a real journal and a real SSH server (MINA, real /bin/sh):
 * which step shows which output, the run history, the Run-enable rule, the fields a step shows, the tick states.
 */
class StepperViewModelTest {
    static final String RUNBOOK = """
            ---
            variables:
              stable_ref: {role: rollback-to, default: aaa1111}
            ---
            # Output drill

            ## Count (1 minute)
            ```bash
            for i in 1 2 3; do echo "count $i"; done
            ```

            ## Switch (1 minute)
            ```bash
            echo switching to {{stable_ref}} on <DEPLOYMENT>
            ```
            - [ ] The version page shows the stable ref
            """;

    @TempDir
    Path dir;
    SshKit kit;
    MinaSshServer sshd;
    IncidentSession session;
    Host web1;
    final SimpleStringProperty runBlocked = new SimpleStringProperty("");
    StepperViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        web1 = SshKit.host("web-01", sshd.port(), key);
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x", Severity.P1,
                "drill", "jana", "r.md", "UTC");
        Path file = dir.resolve("r.md");
        Files.writeString(file, RUNBOOK);
        model = new StepperViewModel(Runnable::run, Runnable::run, () -> session,
                new StepRunner(kit.connections(), new Redactor(), kit.io), List::of, () -> List.of(web1),
                command -> null, "jana", Clock.systemUTC(), runBlocked);
        model.open(file);
    }

    @AfterEach
    void tearDown() throws Exception {
        session.close();
        kit.close();
        sshd.close();
    }

    private Step step(int index) {
        return model.steps().get(index);
    }

    private void run(int index) throws Exception {
        model.select(step(index));
        model.stepValues().setValue("<DEPLOYMENT>", "web");
        model.run(null).get(60, TimeUnit.SECONDS);
    }

    @Test
    void selecting_a_step_shows_its_own_output_not_the_last_run() throws Exception {
        run(0);
        run(1);
        assertThat(model.output()).containsExactly("web-01 | switching to aaa1111 on web");

        model.select(step(0));

        assertThat(model.output()).containsExactly("web-01 | count 1", "web-01 | count 2", "web-01 | count 3");
        assertThat(model.hostOutputs()).singleElement().satisfies(o -> {
            assertThat(o.lines()).containsExactly("count 1", "count 2", "count 3");
            assertThat(o.statusProperty().get()).isEqualTo("OK · exit 0");
        });
    }

    @Test
    void a_step_never_run_shows_no_output() throws Exception {
        run(0);

        model.select(step(1));

        assertThat(model.output()).isEmpty();
        assertThat(model.hostOutputs()).isEmpty();
    }

    @Test
    void each_run_of_a_step_is_kept_in_its_history_and_an_earlier_run_can_be_shown_again() throws Exception {
        run(1);
        model.stepValues().setValue("stable_ref", "bbb2222");
        run(1);

        List<RunOutput> runs = model.outputs().runsProperty().get();
        assertThat(runs).extracting(RunOutput::number).containsExactly(1, 2);
        assertThat(runs.get(0).label()).matches("Run 1 · \\d\\d:\\d\\d:\\d\\d");
        assertThat(model.output()).as("the newest run is shown").containsExactly("web-01 | switching to bbb2222 on web");

        model.outputs().showRun(runs.get(0));

        assertThat(model.output()).containsExactly("web-01 | switching to aaa1111 on web");
        model.select(step(0));
        model.select(step(1));
        assertThat(model.output()).as("selecting the step again shows its newest run")
                .containsExactly("web-01 | switching to bbb2222 on web");
    }

    @Test
    void every_line_keeps_when_it_arrived_for_the_timestamps() throws Exception {
        long before = System.currentTimeMillis();
        run(0);
        RunOutput shown = model.outputs().shownProperty().get();
        for (int i = 0; i < shown.lines().size(); i++) {
            assertThat(shown.bounded().time(i)).isNotNull();
            assertThat(shown.bounded().time(i).toEpochMilli()).isBetween(before, System.currentTimeMillis());
        }
    }

    @Test
    void run_is_enabled_only_with_a_step_selected_none_running_and_the_hosts_able_to_run() throws Exception {
        assertThat(model.runs().runEnabledProperty().get()).isTrue();

        runBlocked.set("Run is off: web-01 is not connected.");
        assertThat(model.runs().runEnabledProperty().get()).isFalse();
        runBlocked.set("");
        assertThat(model.runs().runEnabledProperty().get()).isTrue();

        model.select(null);
        assertThat(model.runs().runEnabledProperty().get()).isFalse();
    }

    @Test
    void a_step_shows_a_field_per_variable_and_per_other_placeholder_in_order() {
        assertThat(model.stepValues().fieldNames(step(0))).isEmpty();
        assertThat(model.stepValues().fieldNames(step(1))).containsExactly("stable_ref", "<DEPLOYMENT>");
    }

    @Test
    void a_tick_shows_only_once_it_is_journaled_with_who_ticked_it() throws Exception {
        Step sw = step(1);
        ChecklistItem item = sw.checklist().get(0);
        TickState state = model.checklist().state(sw, item);
        assertThat(state.checkedProperty().get()).isFalse();
        assertThat(model.checklist().state(sw, item)).as("one state per item").isSameAs(state);

        state.request(true).get(10, TimeUnit.SECONDS);

        assertThat(state.checkedProperty().get()).isTrue();
        assertThat(state.busyProperty().get()).isFalse();
        assertThat(state.labelProperty().get()).matches("The version page shows the stable ref   ✓ jana \\d\\d:\\d\\d:\\d\\d");
        List<IncidentEvent.ChecklistToggled> ticks = JournalReader.read(session.journalFile()).records().stream()
                .map(JournalRecord::data).filter(IncidentEvent.ChecklistToggled.class::isInstance)
                .map(IncidentEvent.ChecklistToggled.class::cast).toList();
        assertThat(ticks).singleElement().satisfies(t -> assertThat(t.checked()).isTrue());

        state.request(false).get(10, TimeUnit.SECONDS);
        assertThat(state.checkedProperty().get()).isFalse();
        assertThat(state.labelProperty().get()).isEqualTo("The version page shows the stable ref");
    }

    @Test
    void a_tick_that_cannot_be_journaled_leaves_the_box_as_it_was() throws Exception {
        Step sw = step(1);
        TickState state = model.checklist().state(sw, sw.checklist().get(0));
        session.close(); // the journal refuses from now on

        state.request(true).get(10, TimeUnit.SECONDS);

        assertThat(state.checkedProperty().get()).isFalse();
        assertThat(state.busyProperty().get()).isFalse();
    }

    @Test
    void opening_another_runbook_forgets_the_earlier_runbooks_output() throws Exception {
        run(0);
        Path other = dir.resolve("other.md");
        Files.writeString(other, RUNBOOK);

        model.open(other);

        assertThat(model.output()).isEmpty();
        assertThat(model.outputs().runsProperty().get()).isEmpty();
    }
}
