package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.report.CommsTemplate;
import org.incidentconsole.runbook.Budget;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ui.incident.IncidentBarViewModel;
import org.incidentconsole.ui.incident.IncidentGateway;
import org.incidentconsole.ui.incident.SeverityText;
import org.incidentconsole.ui.incident.StepClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The incident bar's model over a real journal in a temp folder, without a toolkit. */
class IncidentBarViewModelTest {
    @TempDir
    Path dir;
    private final AtomicReference<IncidentSession> current = new AtomicReference<>();
    private final Instant t0 = Instant.parse("2026-11-23T17:00:00Z");

    @AfterEach
    void close() {
        if (current.get() != null) {
            current.get().close();
        }
    }

    private IncidentGateway gateway(IncidentStore store) {
        return gateway(store, new IncidentBinding("production", null, null), List.of());
    }

    private IncidentGateway gateway(IncidentStore store, IncidentBinding binding, List<String> critical) {
        return new StoreGateway(store, binding, critical, current);
    }

    @Test
    void start_severity_note_and_resolve_go_to_the_journal_and_show_in_the_bar() throws Exception {
        IncidentStore store = new IncidentStore(dir, Clock.fixed(t0, ZoneOffset.UTC));
        IncidentBarViewModel vm = new IncidentBarViewModel(Runnable::run, Runnable::run, gateway(store),
                Clock.fixed(t0.plusSeconds(754), ZoneOffset.UTC), "alice");
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.hasIncident()).isFalse();

        vm.start("Checkout down", "alert", Severity.P2, "alice").get();
        assertThat(vm.activeProperty().get()).isTrue();
        assertThat(vm.titleProperty().get()).startsWith("Checkout down  ·  INC-");
        assertThat(vm.elapsedProperty().get()).isEqualTo("12:34");

        vm.setSeverity(Severity.P0, "the advisor: ROLL BACK NOW").get();
        vm.note("rolled back web-01 first").get();
        vm.resolve("rolled back to 1a2b3c4").get();
        assertThat(vm.severityProperty().get()).isEqualTo(Severity.P0);
        assertThat(vm.resolvedProperty().get()).isTrue();

        var events = JournalReader.read(current.get().journalFile()).records().stream().map(r -> r.data()).toList();
        assertThat(events).hasAtLeastOneElementOfType(IncidentEvent.Started.class)
                .contains(new IncidentEvent.SeverityChanged(Severity.P2, Severity.P0, "the advisor: ROLL BACK NOW",
                        "alice"), new IncidentEvent.NoteAdded("rolled back web-01 first", "alice"),
                        new IncidentEvent.Resolved("rolled back to 1a2b3c4", "alice"));
        assertThat(vm.fill(CommsTemplate.INITIAL, 0, 0, "").subject()).startsWith("[P0] Checkout down");
    }

    @Test
    void an_unfinished_incident_is_listed_and_resumes_with_its_state() throws Exception {
        IncidentStore store = new IncidentStore(dir, Clock.fixed(t0, ZoneOffset.UTC));
        IncidentBarViewModel first = new IncidentBarViewModel(Runnable::run, Runnable::run, gateway(store),
                Clock.systemUTC(), "alice");
        first.start("Payments slow", "p95 4 s", Severity.P1, "alice").get();
        String id = current.get().id();
        current.get().close();
        current.set(null);

        IncidentBarViewModel again = new IncidentBarViewModel(Runnable::run, Runnable::run, gateway(store),
                Clock.systemUTC(), "bob");
        assertThat(again.candidates().get()).extracting(c -> c.summary().id()).containsExactly(id);
        again.resume(id, "bob").get();
        assertThat(again.operatorProperty().get()).isEqualTo("bob");
        assertThat(again.titleProperty().get()).isEqualTo("Payments slow  ·  " + id);
        assertThat(again.severityProperty().get()).isEqualTo(Severity.P1);
    }

    @ParameterizedTest
    @CsvSource({
            "300, 0,   OK,    Step 2 · 5:00 left of 5 min",
            "300, 200, OK,    Step 2 · 1:40 left of 5 min",
            "300, 226, CLOSE, Step 2 · 1:14 left of 5 min",
            "300, 312, OVER,  Step 2 · 0:12 over its 5 min",
            "30,  5,   CLOSE, Step 2 · 0:25 left of 30 s",
    })
    void the_step_budget_counts_down_amber_when_close_red_when_over(long budget, long spent, StepClock.Level level,
                                                                   String text) {
        StepClock c = new StepClock("Step 2", new Budget(Duration.ZERO, Duration.ofSeconds(budget)), t0);
        assertThat(c.level(t0.plusSeconds(spent))).isEqualTo(level);
        assertThat(c.text(t0.plusSeconds(spent))).isEqualTo(text.replace("5 min", "≤ 5 min")
                .replace("30 s", "≤ 30 s"));
    }

    @Test
    void a_step_clock_stopped_at_the_end_of_the_run_stands_still_in_no_warning_colour() {
        StepClock running = new StepClock("Step 2", new Budget(Duration.ZERO, Duration.ofSeconds(60)), t0);
        StepClock stopped = running.stoppedAt(t0.plusSeconds(95));
        assertThat(running.level(t0.plusSeconds(95))).isEqualTo(StepClock.Level.OVER);
        assertThat(stopped.level(t0.plusSeconds(500))).isEqualTo(StepClock.Level.NONE);
        assertThat(stopped.text(t0.plusSeconds(500))).isEqualTo("Step 2 · took 1:35 of ≤ 1 min");
        assertThat(stopped.stoppedAt(t0.plusSeconds(400))).as("stopping twice keeps the first end").isEqualTo(stopped);
    }

    @Test
    void a_step_without_budget_shows_no_countdown_and_severity_reads_in_words() {
        StepClock c = new StepClock("Step 1", null, t0);
        assertThat(c.level(t0)).isEqualTo(StepClock.Level.NONE);
        assertThat(c.text(t0)).isEmpty();
        assertThat(SeverityText.of(Severity.P0)).isEqualTo("P0 · critical");
        assertThat(SeverityText.of(Severity.P3)).isEqualTo("P3 · low");
    }
}
