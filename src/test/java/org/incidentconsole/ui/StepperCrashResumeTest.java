package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.testing.KilledChild;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.ui.runbook.StepMark;
import org.incidentconsole.ui.runbook.StepperViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A console SIGKILLed mid-step, relaunched: the stepper resumes on the interrupted step, UNKNOWN, values as set. */
class StepperCrashResumeTest {
    static final String RUNBOOK = """
            ---
            variables:
              stable_ref: {role: rollback-to, suggest: "pick stable"}
            ---
            # Rollback
            ## Look
            ```bash
            echo looked
            ```
            - [ ] Noted the deployed ref
            ## Switch
            ```bash
            echo "switching to {{stable_ref}}"
            ```
            ## Clear caches
            ```bash
            echo cleared
            ```
            ## Restart workers
            ```bash
            echo "restarting on {{stable_ref}}"
            sleep 20
            ```
            ## Verify
            ```bash
            echo "verifying {{stable_ref}}"
            ```
            """;

    @TempDir
    Path dir;

    @Test
    void a_console_killed_mid_step_resumes_with_that_step_unknown_and_the_next_step_runs_with_the_journaled_value()
            throws Exception {
        Path runbook = dir.resolve("rollback.md");
        Files.writeString(runbook, RUNBOOK);
        String id = KilledChild.killMidStep(StepperCrashChild.class, dir.toString(), runbook.toString());

        SshKit kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        List<String> suggested = new CopyOnWriteArrayList<>();
        try (MinaSshServer sshd = MinaSshServer.start(TestKeys.publicKey(key));
             IncidentSession session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC())
                     .resume(id)) {
            kit.trust(sshd);
            Host web1 = SshKit.host("web-01", sshd.port(), key);
            StepperViewModel model = new StepperViewModel(Runnable::run, Runnable::run, () -> session,
                    new StepRunner(kit.connections(), new Redactor(), kit.io), () -> List.of(web1),
                    () -> List.of(web1), command -> {
                        suggested.add(command);
                        return "zzz9999";
                    }, "jana", Clock.systemUTC(), new SimpleStringProperty(""));

            model.resume(session.state()).get(30, TimeUnit.SECONDS);

            List<Step> steps = model.steps();
            assertThat(steps).hasSize(5);
            assertThat(model.marks()).containsEntry(steps.get(0).pathText(), StepMark.SUCCEEDED)
                    .containsEntry(steps.get(1).pathText(), StepMark.SUCCEEDED)
                    .containsEntry(steps.get(2).pathText(), StepMark.SUCCEEDED)
                    .containsEntry(steps.get(3).pathText(), StepMark.UNKNOWN)
                    .doesNotContainKey(steps.get(4).pathText());
            assertThat(model.selectedProperty().get()).isEqualTo(steps.get(3));
            assertThat(model.hostOutputs()).singleElement()
                    .satisfies(o -> assertThat(o.statusProperty().get()).isEqualTo("UNKNOWN"));
            assertThat(model.tickedBy(steps.get(0), steps.get(0).checklist().get(0))).startsWith("jana ");
            assertThat(model.values()).containsEntry("stable_ref", "ccc3333");
            assertThat(suggested).as("stable_ref was set: never re-suggested").isEmpty();
            assertThat(started(session)).as("nothing ran by itself").hasSize(4);

            model.select(steps.get(4));
            assertThat(model.run(null).get(60, TimeUnit.SECONDS).get("web-01").ok()).isTrue();

            IncidentEvent.StepStarted verify = started(session).get(4);
            assertThat(verify.values()).containsEntry("stable_ref", "ccc3333");
            assertThat(verify.command()).contains("verifying ccc3333");
        } finally {
            kit.close();
        }
    }

    private static List<IncidentEvent.StepStarted> started(IncidentSession s) throws Exception {
        return JournalReader.read(s.journalFile()).records().stream().map(JournalRecord::data)
                .filter(IncidentEvent.StepStarted.class::isInstance).map(IncidentEvent.StepStarted.class::cast)
                .toList();
    }
}
