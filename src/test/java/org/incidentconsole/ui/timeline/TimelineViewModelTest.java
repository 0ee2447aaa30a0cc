package org.incidentconsole.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentconsole.incident.StepOutcome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStatus;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.report.TimelineWording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The timeline's view model over a real journal, without the toolkit (both executors run in place): what is on
 * disk, then each new record once; the report's wording; filters by kind and text; order; a step's output read
 * back from the journal.
 */
class TimelineViewModelTest {
    @TempDir
    Path dir;
    IncidentSession session;
    TimelineViewModel model = new TimelineViewModel(Runnable::run, Runnable::run);

    @BeforeEach
    void start() throws Exception {
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC())
                .start("Checkout errors", "pager", Severity.P1, "drill", "jane", null, "UTC");
    }

    @AfterEach
    void close() {
        session.close();
    }

    private void record(IncidentEvent e) throws Exception {
        session.record(e).get(10, TimeUnit.SECONDS);
    }

    @Test
    void the_journal_on_disk_comes_first_then_each_new_event_once_in_journal_order() throws Exception {
        record(new IncidentEvent.NoteAdded("before the pane opened", "jane"));
        model.follow(session);
        model.follow(session); // the same incident again changes nothing
        record(new IncidentEvent.NoteAdded("after", "jane"));

        List<TimelineEntry> lines = model.entries();
        assertThat(lines).extracting(TimelineEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(lines.get(0).what()).startsWith("Incident started by jane: Checkout errors");
        assertThat(lines).extracting(TimelineEntry::what).endsWith("Note by jane: before the pane opened",
                "Note by jane: after");
        assertThat(model.summaryProperty().get()).isEqualTo("3 events");
    }

    @Test
    void a_note_shows_at_once_with_who_signed_it_in_the_reports_words_without_markdown() throws Exception {
        model.follow(session);
        IncidentEvent.NoteAdded note = new IncidentEvent.NoteAdded("rolled back *web-01* to `v41`", "anyone");
        record(note);

        TimelineEntry last = model.entries().get(model.entries().size() - 1);
        assertThat(last.kind()).isEqualTo(TimelineKind.NOTES);
        assertThat(last.who()).as("the session signs acts").isEqualTo("jane");
        assertThat(last.what()).isEqualTo("Note by jane: rolled back *web-01* to `v41`")
                .isEqualTo(TimelineWording.what(new IncidentEvent.NoteAdded(note.text(), "jane")));
        assertThat(last.clock()).matches("\\d\\d:\\d\\d:\\d\\d");
        assertThat(last.time()).isEqualTo(last.clock() + " UTC");
    }

    @ParameterizedTest(name = "{0} alone shows {1} lines")
    @CsvSource(delimiter = '|', textBlock = """
            NOTES       | 2
            COMMANDS    | 3
            HEALTH      | 1
            BREAKERS    | 2
            CONNECTIONS | 1
            COMMS       | 1
            SEVERITY    | 2
            DECISIONS   | 1
            OTHER       | 1
            """)
    void each_kind_filters_to_its_own_events(TimelineKind only, int lines) throws Exception {
        model.follow(session);
        recordOneOfEach();
        for (TimelineKind k : TimelineKind.values()) {
            model.shownProperty(k).set(k == only);
        }
        assertThat(model.entries()).hasSize(lines).allSatisfy(e -> assertThat(e.kind()).isEqualTo(only));
        assertThat(model.summaryProperty().get()).isEqualTo(lines + " of 14 events");
        model.shownProperty(TimelineKind.NOTES).set(true);
        assertThat(model.entries()).hasSize(only == TimelineKind.NOTES ? lines : lines + 2);
    }

    @Test
    void the_text_filter_matches_who_and_what_in_any_case_together_with_the_kinds() throws Exception {
        model.follow(session);
        recordOneOfEach();
        model.textFilterProperty().set("WEB-02");
        assertThat(model.entries()).extracting(TimelineEntry::what)
                .containsExactly("Step started on web-02: 3. Restart", "Health web-02 api: OK → CRITICAL (HTTP 500)");
        model.shownProperty(TimelineKind.HEALTH).set(false);
        assertThat(model.entries()).hasSize(1);
        model.textFilterProperty().set("jane");
        assertThat(model.entries()).isNotEmpty().allSatisfy(e ->
                assertThat(e.who() + e.what()).containsIgnoringCase("jane"));
        model.textFilterProperty().set("");
        model.shownProperty(TimelineKind.HEALTH).set(true);
        assertThat(model.entries()).hasSize(14);
    }

    @Test
    void newest_on_top_reverses_the_order_and_new_lines_land_on_top() throws Exception {
        model.follow(session);
        record(new IncidentEvent.NoteAdded("one", "jane"));
        model.newestFirstProperty().set(true);
        record(new IncidentEvent.NoteAdded("two", "jane"));
        assertThat(model.entries()).extracting(TimelineEntry::seq).containsExactly(3L, 2L, 1L);
        model.newestFirstProperty().set(false);
        assertThat(model.entries()).extracting(TimelineEntry::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void a_step_that_ran_well_is_not_coloured_as_a_failure_and_health_samples_stay_out_of_the_timeline()
            throws Exception {
        model.follow(session);
        record(new IncidentEvent.StepFinished("1. Look", "web-01", "git log -1", StepOutcome.OK, 0, 40, null, "a1b2",
                null));
        record(new IncidentEvent.HealthSample("web-01", "api-health", "http", 3, "ms", "CRITICAL"));
        record(new IncidentEvent.NoteAdded("after the sample", "jane"));

        List<TimelineEntry> lines = model.entries();
        assertThat(lines).extracting(TimelineEntry::what).noneMatch(w -> w.startsWith("Health web-01 api-health"));
        TimelineEntry ok = lines.stream().filter(l -> l.what().startsWith("Step OK")).findFirst().orElseThrow();
        assertThat(ok.tone()).isEmpty();
    }

    @Test
    void a_finished_step_gives_its_command_and_output_as_journaled_with_secrets_redacted() throws Exception {
        model.follow(session);
        record(new IncidentEvent.StepStarted("2. Deploy", "web-01", "git checkout v41"));
        record(new IncidentEvent.StepFinished("2. Deploy", "web-01", "git checkout v41", StepOutcome.FAILED, 1, 1200,
                "exit 1", "HEAD is now at v41\nDB_PASSWORD=hunter2hunter2\nerror: disk full", null));
        record(new IncidentEvent.NoteAdded("no detail here", "jane"));

        List<TimelineEntry> lines = model.entries();
        TimelineEntry finished = lines.get(lines.size() - 2);
        assertThat(finished.what()).isEqualTo("Step FAILED on web-01 (exit 1, 1.2 s): 2. Deploy");
        assertThat(finished.tone()).isEqualTo("bad");
        TimelineDetail detail = model.detail(finished).get(10, TimeUnit.SECONDS);
        assertThat(detail.title()).isEqualTo(finished.what());
        assertThat(detail.command()).isEqualTo("git checkout v41");
        assertThat(detail.output()).contains("HEAD is now at v41", "error: disk full").doesNotContain("hunter2");

        TimelineDetail started = model.detail(lines.get(lines.size() - 3)).get(10, TimeUnit.SECONDS);
        assertThat(started.command()).isEqualTo("git checkout v41");
        assertThat(started.output()).isNull();
        assertThat(model.detail(lines.get(lines.size() - 1)).get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void another_incident_replaces_the_lines_and_the_old_ones_late_events_stay_out() throws Exception {
        model.follow(session);
        IncidentSession other = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC())
                .start("Queue backlog", "chat", Severity.P2, "drill", "omar", null, "UTC");
        try {
            model.follow(other);
            record(new IncidentEvent.NoteAdded("late, on the first incident", "jane"));
            other.record(new IncidentEvent.NoteAdded("on the second", "omar")).get(10, TimeUnit.SECONDS);
            assertThat(model.entries()).extracting(TimelineEntry::what)
                    .containsExactly("Incident started by omar: Queue backlog (P2, trigger: chat)",
                            "Note by omar: on the second");
            model.follow(null);
            assertThat(model.entries()).isEmpty();
            assertThat(model.summaryProperty().get()).isEqualTo("no incident yet");
        } finally {
            other.close();
        }
    }

    /** Two notes, three step events, one health change, two breaker events, and one of each other kind. */
    private void recordOneOfEach() throws Exception {
        record(new IncidentEvent.NoteAdded("api errors since 14:00", "jane"));
        record(new IncidentEvent.ActionItemAdded("alert on 5xx", "jane"));
        record(new IncidentEvent.StepStarted("3. Restart", "web-02", "systemctl restart php-fpm"));
        record(new IncidentEvent.StepFinished("3. Restart", "web-01", "systemctl restart php-fpm", StepOutcome.OK, 0, 300,
                null, "", null));
        record(new IncidentEvent.StepSkipped("4. Flush", "web-01", "not needed"));
        record(new IncidentEvent.HealthTransition("web-02", "api", "OK", "CRITICAL", "HTTP 500"));
        record(new IncidentEvent.BreakerTransition("redis", "payments", "cb:payments", "CLOSED", "OPEN", 12L, null));
        record(new IncidentEvent.BreakerAction("reset", "cb:payments:state", "open", "closed", "ok"));
        record(new IncidentEvent.ConnectionChanged("web-01", "lost", "timeout", null));
        record(new IncidentEvent.CommsCopied("initial", "We are looking into it", "jane"));
        record(new IncidentEvent.SeverityChanged(Severity.P1, Severity.P0, "checkout down", "jane"));
        record(new IncidentEvent.StatusChanged(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, "jane"));
        record(new IncidentEvent.DecisionAnswered("5. Check", "Is the queue draining?", "yes", null, "jane"));
    }
}
