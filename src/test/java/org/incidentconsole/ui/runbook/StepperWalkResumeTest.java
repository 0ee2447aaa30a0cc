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
import org.incidentconsole.runbook.Decision;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming an incident from its journal brings the walk back: the procedure chosen, the alternative of each choice,
 * each answer, each manual mark. Without a toolkit, over a real journal and a real SSH server.
 */
class StepperWalkResumeTest {
    @TempDir
    Path dir;
    SshKit kit;
    MinaSshServer sshd;
    Host web1;
    IncidentStore store;
    Path file;
    IncidentSession session;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        web1 = SshKit.host("web-01", sshd.port(), key);
        store = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC());
        file = dir.resolve("rollback.md");
        Files.writeString(file, WalkScreen.RUNBOOK.formatted(dir.resolve("app.log")));
        session = store.start("t", "x", Severity.P1, "drill", "jana", file.toString(), "UTC");
    }

    @AfterEach
    void tearDown() throws Exception {
        session.close();
        kit.close();
        sshd.close();
    }

    private StepperViewModel model() {
        IncidentSession s = session;
        return new StepperViewModel(Runnable::run, Runnable::run, () -> s,
                new StepRunner(kit.connections(), new Redactor(), kit.io), List::of, () -> List.of(web1),
                command -> null, "jana", Clock.systemUTC(), new SimpleStringProperty(""));
    }

    private static Step step(StepperViewModel model, String title) {
        return model.steps().stream().filter(s -> s.title().startsWith(title)).findFirst().orElseThrow();
    }

    private <T extends IncidentEvent> List<T> journaled(Class<T> type) throws Exception {
        return JournalReader.read(session.journalFile()).records().stream().map(JournalRecord::data)
                .filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void procedure_alternative_answer_and_manual_mark_come_back_and_the_choice_runs_only_the_chosen_alternative()
            throws Exception {
        StepperViewModel first = model();
        first.open(file);
        Step choice = step(first, "Step 1");
        first.walk().choose(choice, choice.choices().get(1)).get(10, TimeUnit.SECONDS);
        Step who = step(first, "Step 2");
        Decision question = who.decisions().get(0);
        Decision.Answer staff = question.answers().stream().filter(a -> a.text().contains("staff")).findFirst()
                .orElseThrow();
        first.walk().answer(who, question, staff).get(10, TimeUnit.SECONDS);
        first.walk().mark(step(first, "Team channel"), true).get(10, TimeUnit.SECONDS);
        first.walk().chooseProcedure(first.walk().procedures().stream().filter(p -> p.name().equals("Diagnostics"))
                .findFirst().orElseThrow()).get(10, TimeUnit.SECONDS);
        session.close();
        session = store.resume(session.id());

        StepperViewModel model = model();
        model.resume(session.state()).get(30, TimeUnit.SECONDS);

        WalkViewModel walk = model.walk();
        Step restoredChoice = step(model, "Step 1");
        Step restoredWho = step(model, "Step 2");
        assertThat(walk.procedureProperty().get().name()).isEqualTo("Diagnostics");
        assertThat(walk.chosen(restoredChoice)).get().extracting(a -> a.label()).asString().contains("OPTION B");
        assertThat(walk.answered(restoredWho, restoredWho.decisions().get(0))).contains(staff);
        assertThat(walk.gatedOut(step(model, "Status page"))).isTrue();
        assertThat(model.marks()).containsEntry(step(model, "Team channel").pathText(), StepMark.DONE)
                .containsEntry(step(model, "Status page").pathText(), StepMark.SKIPPED)
                .containsEntry(restoredWho.pathText(), StepMark.DONE);

        model.select(restoredChoice);
        var outcomes = model.run(null).get(60, TimeUnit.SECONDS);

        assertThat(outcomes.get("web-01").ok()).isTrue();
        List<IncidentEvent.StepStarted> started = journaled(IncidentEvent.StepStarted.class);
        assertThat(started).singleElement().satisfies(s -> assertThat(s.command()).contains("clearing-breakers")
                .doesNotContain("wiping-everything"));
        assertThat(journaled(IncidentEvent.AlternativeChosen.class)).hasSize(1);
    }

    @Test
    void an_old_walk_without_acts_resumes_at_the_main_procedure_with_no_choice_made() throws Exception {
        StepperViewModel first = model();
        first.open(file);
        session.close();
        session = store.resume(session.id());

        StepperViewModel model = model();
        model.resume(session.state()).get(30, TimeUnit.SECONDS);

        assertThat(model.walk().procedureProperty().get().name()).isEqualTo("Roll back (5 minutes)");
        assertThat(model.walk().chosen(step(model, "Step 1"))).isEmpty();
        assertThat(model.marks()).isEmpty();
    }
}
