package org.incidentconsole.ui.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.incident.UnknownRun;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.SshKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step pane's unknown runs without the toolkit, over a real journal and {@link UnknownRunTable}: what the pane
 * shows, refuses and journals.
 */
class UnknownRunsViewModelTest {
    @TempDir
    Path dir;
    SshKit kit;
    IncidentSession session;
    StepRunner runner;
    List<Step> steps;
    final SimpleObjectProperty<Step> selected = new SimpleObjectProperty<>();
    final SimpleStringProperty message = new SimpleStringProperty("");
    final UnknownRunTable table = new UnknownRunTable();
    UnknownRunsViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x", Severity.P1,
                "production", "ola", "drill.md", "UTC");
        runner = new StepRunner(kit.connections(), new Redactor(), kit.io);
        runner.useClaims(table);
        steps = new RunbookParser().parse("drill.md", """
                # Drill
                ## Warm the cache (1 minute)
                ```bash
                echo warm
                ```
                ## Rotate the logs (1 minute)
                ```bash
                echo rotate
                ```
                """).steps();
        model = new UnknownRunsViewModel(Runnable::run, Runnable::run, () -> session, runner, "ola", selected,
                message);
    }

    @AfterEach
    void tearDown() {
        session.close();
        kit.close();
    }

    private UnknownRun unknownOn(Step step, String host) {
        return table.vanished(step.pathText(), host);
    }

    private List<IncidentEvent> journal() throws Exception {
        return JournalReader.read(session.journalFile()).records().stream().map(JournalRecord::data).toList();
    }

    @Test
    void the_pane_shows_only_the_selected_steps_unknown_runs_and_journals_each_once() throws Exception {
        UnknownRun web1 = unknownOn(steps.get(0), "web-01");
        unknownOn(steps.get(1), "web-02");

        selected.set(steps.get(0));
        assertThat(model.here()).containsExactly(web1);
        assertThat(web1.refusal(ZoneOffset.UTC)).isEqualTo("not run: the outcome of Drill › Warm the cache"
                + " (1 minute) on web-01 is UNKNOWN: jana's console vanished while running it (lock expired"
                + " 14:05:02); look at the host, then acknowledge it");
        model.refresh();
        selected.set(steps.get(1));
        assertThat(model.here()).extracting(UnknownRun::host).containsExactly("web-02");

        assertThat(journal()).filteredOn(IncidentEvent.RunOutcomeUnknown.class::isInstance)
                .extracting(e -> ((IncidentEvent.RunOutcomeUnknown) e).host())
                .containsExactlyInAnyOrder("web-01", "web-02");
    }

    @Test
    void acknowledging_needs_a_finding_then_journals_it_and_the_run_is_no_longer_shown() throws Exception {
        UnknownRun run = unknownOn(steps.get(0), "web-01");
        selected.set(steps.get(0));

        assertThat(model.acknowledge(run, "  ").get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(message.get()).isEqualTo("Say what you found on web-01 before acknowledging its unknown run.");
        assertThat(model.here()).containsExactly(run);

        assertThat(model.acknowledge(run, "workers up on abc123 ").get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(model.here()).isEmpty();
        assertThat(message.get()).startsWith("Acknowledged: ").endsWith("on web-01 — workers up on abc123");
        assertThat(journal()).filteredOn(IncidentEvent.UnknownRunAcknowledged.class::isInstance).singleElement()
                .satisfies(e -> {
                    IncidentEvent.UnknownRunAcknowledged a = (IncidentEvent.UnknownRunAcknowledged) e;
                    assertThat(a.finding()).isEqualTo("workers up on abc123");
                    assertThat(a.by()).isEqualTo("ola");
                    assertThat(a.console()).isEqualTo("console-a");
                });

        assertThat(model.acknowledge(run, "again").get(10, TimeUnit.SECONDS)).as("already acknowledged").isFalse();
        assertThat(message.get()).startsWith("Not acknowledged: ");
    }
}
