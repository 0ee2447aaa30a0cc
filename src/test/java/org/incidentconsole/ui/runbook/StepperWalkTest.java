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
import org.incidentconsole.incident.ManualMark;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stepper's walk without a toolkit: procedures, out-of-procedure runs, manual marks, runs refused by kind. */
class StepperWalkTest {
    @TempDir
    Path dir;
    SshKit kit;
    MinaSshServer sshd;
    IncidentSession session;
    StepperViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        Host web1 = SshKit.host("web-01", sshd.port(), key);
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x", Severity.P1,
                "drill", "jana", "r.md", "UTC");
        Path file = dir.resolve("rollback.md");
        Files.writeString(file, WalkScreen.RUNBOOK.formatted(dir.resolve("app.log")));
        model = new StepperViewModel(Runnable::run, Runnable::run, () -> session,
                new StepRunner(kit.connections(), new Redactor(), kit.io), List::of, () -> List.of(web1),
                command -> null, "jana", Clock.systemUTC(), new SimpleStringProperty(""));
        model.open(file);
    }

    @AfterEach
    void tearDown() throws Exception {
        session.close();
        kit.close();
        sshd.close();
    }

    private List<IncidentEvent> journal() throws Exception {
        return JournalReader.read(session.journalFile()).records().stream().map(JournalRecord::data).toList();
    }

    private Step step(String title) {
        return model.steps().stream().filter(s -> s.title().startsWith(title)).findFirst().orElseThrow();
    }

    @Test
    void the_main_procedure_is_walked_at_open_and_the_others_are_offered() {
        assertThat(model.walk().procedureProperty().get().name()).isEqualTo("Roll back (5 minutes)");
        assertThat(model.walk().procedures()).extracting(p -> p.name())
                .contains("Roll back (5 minutes)", "Diagnostics");
        assertThat(model.walk().inProcedure(step("Disk"))).isFalse();
    }

    @Test
    void a_step_of_another_procedure_runs_on_purpose_and_is_journaled_as_out_of_procedure_first() throws Exception {
        model.select(step("Disk"));

        var outcomes = model.run(null).get(60, TimeUnit.SECONDS);

        assertThat(outcomes.get("web-01").ok()).isTrue();
        List<IncidentEvent> journal = journal();
        IncidentEvent.OutOfProcedure out = journal.stream().filter(IncidentEvent.OutOfProcedure.class::isInstance)
                .map(IncidentEvent.OutOfProcedure.class::cast).findFirst().orElseThrow();
        assertThat(out.procedure()).isEqualTo("Diagnostics");
        assertThat(out.walking()).isEqualTo("Roll back (5 minutes)");
        assertThat(out.by()).isEqualTo("jana");
        int started = journal.indexOf(journal.stream().filter(IncidentEvent.StepStarted.class::isInstance)
                .findFirst().orElseThrow());
        assertThat(journal.indexOf(out)).isLessThan(started);
    }

    @Test
    void after_choosing_that_procedure_its_steps_run_without_an_out_of_procedure_note() throws Exception {
        model.walk().chooseProcedure(model.walk().procedures().stream()
                .filter(p -> p.name().equals("Diagnostics")).findFirst().orElseThrow()).get(10, TimeUnit.SECONDS);
        model.select(step("Disk"));

        model.run(null).get(60, TimeUnit.SECONDS);

        assertThat(journal()).filteredOn(IncidentEvent.ProcedureChosen.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((IncidentEvent.ProcedureChosen) e).procedure()).isEqualTo("Diagnostics"));
        assertThat(journal()).noneMatch(IncidentEvent.OutOfProcedure.class::isInstance);
        assertThat(model.walk().inProcedure(step("Step 1"))).isFalse();
    }

    @Test
    void run_refuses_a_manual_step_and_a_choice_not_made_yet_and_says_why() throws Exception {
        model.select(step("Team channel"));
        assertThat(model.run(null).get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Team channel is for a person: do it, then mark it Done"
                + " or Skip.");

        model.select(step("Step 1"));
        assertThat(model.run(null).get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Choose one of the alternatives of Step 1");
        assertThat(model.willRunProperty().get()).isEqualTo("choose an alternative first");
        assertThat(journal()).noneMatch(IncidentEvent.StepStarted.class::isInstance);
    }

    @Test
    void a_manual_step_skipped_is_journaled_signed_and_marked() throws Exception {
        Step team = step("Team channel");

        model.walk().mark(team, false).get(10, TimeUnit.SECONDS);

        assertThat(journal()).filteredOn(IncidentEvent.ManualStepMarked.class::isInstance).singleElement()
                .isEqualTo(new IncidentEvent.ManualStepMarked(team.pathText(), ManualMark.SKIPPED, null, "jana"));
        assertThat(model.marks()).containsEntry(team.pathText(), StepMark.SKIPPED);
    }

    @Test
    void the_will_run_text_of_a_choice_shows_only_the_chosen_alternative() throws Exception {
        Step choice = step("Step 1");
        model.select(choice);

        model.walk().choose(choice, choice.choices().get(0)).get(10, TimeUnit.SECONDS);

        assertThat(model.willRunProperty().get()).contains("wiping-everything").doesNotContain("clearing-breakers");
    }
}
