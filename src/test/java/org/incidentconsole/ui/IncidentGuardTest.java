package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentMismatchException;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ui.incident.AskingIncidentGuard;
import org.incidentconsole.ui.incident.AskingIncidentGuard.Choice;
import org.incidentconsole.ui.incident.AskingIncidentGuard.Resume;
import org.incidentconsole.ui.incident.AskingIncidentGuard.Start;
import org.incidentconsole.ui.incident.IncidentBarViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's incident guard over a real journal in a temp folder, without a toolkit: an act runs at once when an
 * incident is open, else after the operator started or resumed one (its records on disk by then), never when they
 * decline or the incident could not be opened.
 */
class IncidentGuardTest {
    private static final IncidentBinding DRILL = IncidentBinding.of("drill", "inventory.yaml", List.of("drill-web-01"));

    @TempDir
    Path dir;
    private final AtomicReference<IncidentSession> current = new AtomicReference<>();
    private IncidentStore store;
    private IncidentBarViewModel bar;
    private final ScriptedPrompt prompt = new ScriptedPrompt();
    private AskingIncidentGuard guard;
    /** Each act's run, with the journal's events at that moment. */
    private final List<List<IncidentEvent>> acts = new ArrayList<>();

    /** The operator's answers, scripted; records every question and every failure shown. */
    private static final class ScriptedPrompt implements AskingIncidentGuard.Prompt {
        Function<List<IncidentStore.Candidate>, Optional<Choice>> answer = c -> Optional.empty();
        final List<List<IncidentStore.Candidate>> asked = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();

        @Override
        public Optional<Choice> ask(List<IncidentStore.Candidate> candidates) {
            asked.add(candidates);
            return answer.apply(candidates);
        }

        @Override
        public void failed(Throwable error) {
            failures.add(error);
        }
    }

    @BeforeEach
    void setUp() {
        store = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC());
        bar = new IncidentBarViewModel(Runnable::run, Runnable::run, new StoreGateway(store, DRILL, List.of(), current),
                Clock.systemUTC(), "jana");
        guard = new AskingIncidentGuard(bar, prompt, Runnable::run);
    }

    @AfterEach
    void close() {
        if (current.get() != null) {
            current.get().close();
        }
    }

    private void act() {
        IncidentSession s = current.get();
        acts.add(s == null ? List.of() : events(s));
    }

    private static List<IncidentEvent> events(IncidentSession s) {
        try {
            return JournalReader.read(s.journalFile()).records().stream().map(JournalRecord::data).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String closedIncident(IncidentBinding binding, String title) throws Exception {
        try (IncidentSession s = store.start(title, "pager", Severity.P1, binding, "eva", null, "UTC")) {
            return s.id();
        }
    }

    @Test
    void with_an_incident_open_the_act_runs_at_once_and_nobody_is_asked() throws Exception {
        bar.start("Checkout down", "alert", Severity.P1, "jana").get();

        guard.withIncident(this::act);

        assertThat(acts).hasSize(1);
        assertThat(prompt.asked).isEmpty();
    }

    @Test
    void without_one_the_operator_is_asked_and_the_act_runs_once_the_started_incident_is_on_disk() throws Exception {
        String earlier = closedIncident(DRILL, "Payments slow");
        prompt.answer = c -> Optional.of(new Start("Checkout down", "alert", Severity.P1, "jana"));

        guard.withIncident(this::act);

        assertThat(prompt.asked).singleElement().satisfies(c -> assertThat(c)
                .extracting(x -> x.summary().id()).containsExactly(earlier));
        assertThat(acts).singleElement().satisfies(journal -> assertThat(journal)
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(IncidentEvent.Started.class,
                        s -> assertThat(s.title()).isEqualTo("Checkout down"))));
        assertThat(bar.titleProperty().get()).startsWith("Checkout down  ·  INC-");
        assertThat(current.get().id()).isNotEqualTo(earlier);
    }

    @Test
    void declining_drops_the_act_and_starts_nothing() throws Exception {
        guard.withIncident(this::act);

        assertThat(prompt.asked).hasSize(1);
        assertThat(acts).isEmpty();
        assertThat(current.get()).isNull();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void resuming_a_listed_incident_makes_it_current_signed_by_the_new_operator_then_the_act_runs() throws Exception {
        String earlier = closedIncident(DRILL, "Payments slow");
        prompt.answer = c -> Optional.of(new Resume(c.get(0).summary().id(), "bob"));

        guard.withIncident(this::act);

        assertThat(current.get().id()).isEqualTo(earlier);
        assertThat(current.get().operator()).isEqualTo("bob");
        assertThat(acts).hasSize(1);
        assertThat(bar.operatorProperty().get()).isEqualTo("bob");
    }

    @Test
    void an_incident_that_cannot_be_opened_is_shown_to_the_operator_and_the_act_does_not_run() throws Exception {
        String production = closedIncident(IncidentBinding.of("production", "inventory.yaml", List.of("web-01")),
                "Payments down");
        prompt.answer = c -> Optional.of(new Resume(production, "jana")); // not offered here: refused

        guard.withIncident(this::act);

        assertThat(acts).isEmpty();
        assertThat(current.get()).isNull();
        assertThat(prompt.failures).singleElement().satisfies(e -> assertThat(e)
                .hasRootCauseInstanceOf(IncidentMismatchException.class)
                .rootCause().hasMessageStartingWith(production + " cannot be resumed here"));
    }

    @Test
    void a_new_incident_can_be_asked_for_while_one_is_open_and_replaces_it() throws Exception {
        bar.start("Checkout down", "alert", Severity.P1, "jana").get();
        bar.resolve("rolled back").get();
        IncidentSession resolved = current.get();
        prompt.answer = c -> Optional.of(new Start("Search slow", "p95", Severity.P2, "jana"));

        try {
            guard.askForAnother(this::act);
        } finally {
            resolved.close(); // the store's gateway does not close what it replaces; the console's service does
        }

        assertThat(prompt.asked).hasSize(1);
        assertThat(current.get().id()).isNotEqualTo(resolved.id());
        assertThat(bar.titleProperty().get()).startsWith("Search slow");
        assertThat(bar.resolvedProperty().get()).isFalse();
        assertThat(acts).hasSize(1);
    }
}
