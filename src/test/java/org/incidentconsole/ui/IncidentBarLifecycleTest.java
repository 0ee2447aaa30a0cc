package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentMismatchException;
import org.incidentconsole.incident.IncidentResolvedException;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStatus;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.report.CommsTemplate;
import org.incidentconsole.report.RecordSource;
import org.incidentconsole.report.ReportRenderer;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.HandClock;
import org.incidentconsole.ui.incident.IncidentBarViewModel;
import org.incidentconsole.ui.incident.IncidentDetails;
import org.incidentconsole.ui.incident.IncidentGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident bar's model over a real journal, without a toolkit: who signs, status, edits, Resolve and Reopen,
 * and which incidents a drill or production console may resume.
 */
class IncidentBarLifecycleTest {
    private static final IncidentBinding DRILL = IncidentBinding.of("drill", "inventory.yaml", List.of("drill-web-01"));
    private static final IncidentBinding PRODUCTION = IncidentBinding.of("production", "inventory.yaml",
            List.of("web-01", "web-02"));

    @TempDir
    Path dir;
    private final AtomicReference<IncidentSession> current = new AtomicReference<>();
    private final Instant t0 = Instant.parse("2026-11-24T08:00:00Z");
    private final HandClock clock = new HandClock(t0);

    @AfterEach
    void close() {
        if (current.get() != null) {
            current.get().close();
        }
    }

    /** A clock the test moves by hand. */

    private IncidentBarViewModel console(IncidentBinding binding, String osUser, List<String> critical) {
        IncidentStore store = new IncidentStore(dir, clock);
        IncidentGateway gateway = new StoreGateway(store, binding, critical, current);
        return new IncidentBarViewModel(Runnable::run, Runnable::run, gateway, clock, osUser);
    }

    private List<IncidentEvent> journal() throws Exception {
        return JournalReader.read(current.get().journalFile()).records().stream().map(JournalRecord::data).toList();
    }

    /** Every "by" of every event, by reflection, so a new signed event type cannot slip past. */
    private static List<String> signatures(List<IncidentEvent> events) throws Exception {
        List<String> by = new ArrayList<>();
        for (IncidentEvent e : events) {
            for (var c : e.getClass().getRecordComponents()) {
                if (c.getName().equals("by")) {
                    by.add(e.getClass().getSimpleName() + ":" + c.getAccessor().invoke(e));
                }
            }
        }
        return by;
    }

    @Test
    void every_act_is_signed_by_the_operator_named_at_start_never_the_os_user() throws Exception {
        IncidentBarViewModel vm = console(DRILL, "root", List.of());
        vm.start("Checkout API answers 500", "health alert", Severity.P1, "jana").get();
        IncidentSession s = current.get();
        vm.setSeverity(Severity.P0, "set by the operator").get();
        vm.setStatus(IncidentStatus.IDENTIFIED).get();
        vm.note("rolled back").get();
        // what the stepper and the step runner record: they name the OS user, the session signs with jana
        s.record(new IncidentEvent.ChecklistToggled("Step 8", 94, "health answers 200", true, "root")).get();
        s.record(new IncidentEvent.DangerConfirmed("Step 2", "git checkout x", "changes code", "drill", "root")).get();
        vm.edit(new IncidentDetails("Checkout API 500s", "pager", Severity.P0, "all checkouts failed",
                "2026-11-24T07:58:00Z")).get();
        vm.resolve("rolled back").get();

        List<IncidentEvent> events = journal();
        List<String> by = signatures(events);
        assertThat(by).hasSize(9).allSatisfy(b -> assertThat(b).endsWith(":jana"));
        assertThat(events).filteredOn(IncidentEvent.SessionOpened.class::isInstance).singleElement()
                .isInstanceOfSatisfying(IncidentEvent.SessionOpened.class, o -> {
                    assertThat(o.how()).isEqualTo("start");
                    assertThat(o.operator()).isEqualTo("jana");
                    assertThat(o.osUser()).isEqualTo(System.getProperty("user.name"));
                });
        assertThat(vm.operatorProperty().get()).isEqualTo("jana");
    }

    @Test
    void a_hand_over_is_journaled_and_the_next_operator_signs_from_then_on() throws Exception {
        IncidentBarViewModel vm = console(DRILL, "root", List.of());
        vm.start("t", "x", Severity.P2, "jana").get();
        vm.note("before").get();
        vm.handOver("petr").get();
        vm.note("after").get();
        assertThat(journal()).containsSubsequence(new IncidentEvent.NoteAdded("before", "jana"),
                new IncidentEvent.OperatorChanged("jana", "petr", "jana"), new IncidentEvent.NoteAdded("after", "petr"));
        assertThat(vm.operatorProperty().get()).isEqualTo("petr");

        vm.setStatus(IncidentStatus.MONITORING).get();
        StringBuilder report = new StringBuilder();
        new ReportRenderer().prepare(
                RecordSource.journal(current.get().journalFile())).writeTo(report);
        assertThat(report.toString()).contains("Handed over from jana to petr", "Note by petr: after",
                "Status investigating → monitoring by petr", "Console opened by jana (OS user ")
                .doesNotContain("OperatorChanged", "SessionOpened", "StatusChanged");
    }

    @Test
    void resuming_names_its_operator_again_and_records_the_session_context() throws Exception {
        console(DRILL, "root", List.of()).start("t", "x", Severity.P2, "jana").get();
        String id = current.get().id();
        current.get().close();
        current.set(null);
        IncidentBarViewModel later = console(DRILL, "root", List.of());
        later.resume(id, "petr").get();
        later.note("took over after the restart").get();
        assertThat(journal()).filteredOn(IncidentEvent.SessionOpened.class::isInstance)
                .extracting(e -> ((IncidentEvent.SessionOpened) e).how() + ":" + ((IncidentEvent.SessionOpened) e)
                        .operator()).containsExactly("start:jana", "resume:petr");
        assertThat(journal()).contains(new IncidentEvent.NoteAdded("took over after the restart", "petr"));
    }

    @Test
    void status_and_edits_are_journaled_and_shown_in_the_bar() throws Exception {
        IncidentBarViewModel vm = console(DRILL, "root", List.of());
        vm.start("Checkout down", "alert", Severity.P2, "jana").get();
        assertThat(vm.statusProperty().get()).isEqualTo(IncidentStatus.INVESTIGATING);
        vm.setStatus(IncidentStatus.IDENTIFIED).get();
        vm.setStatus(IncidentStatus.MONITORING).get();
        assertThat(vm.statusProperty().get()).isEqualTo(IncidentStatus.MONITORING);

        vm.edit(new IncidentDetails("Checkout 500s after deploy", "alert", Severity.P2, "", "")).get();
        assertThat(vm.titleProperty().get()).startsWith("Checkout 500s after deploy  ·  INC-");
        assertThat(vm.details().trigger()).isEqualTo("alert");
        assertThatThrownBy(() -> vm.edit(new IncidentDetails("x", "alert", Severity.P2, "", "yesterday")).get())
                .hasMessageContaining("detection time 'yesterday' is not like 2026-11-24T07:58:00Z");
        assertThat(journal()).containsSubsequence(
                new IncidentEvent.StatusChanged(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, "jana"),
                new IncidentEvent.StatusChanged(IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING, "jana"),
                new IncidentEvent.DetailsEdited("Checkout 500s after deploy", null, "jana"));
        assertThat(journal()).noneMatch(e -> e instanceof IncidentEvent.DetailsEdited d && "x".equals(d.title()));
        // the comms and the report use the title as edited, not as started
        assertThat(vm.fill(CommsTemplate.INITIAL, 0, 0, "").subject()).isEqualTo("[P2] Checkout 500s after deploy");
        StringBuilder report = new StringBuilder();
        new ReportRenderer().prepare(
                RecordSource.journal(current.get().journalFile())).writeTo(report);
        assertThat(report.toString()).startsWith("# Postmortem: Checkout 500s after deploy\n");
    }

    @Test
    void after_resolve_the_clocks_stop_and_acts_are_refused_until_it_is_reopened() throws Exception {
        IncidentBarViewModel vm = console(DRILL, "root", List.of());
        vm.start("t", "x", Severity.P2, "jana").get();
        clock.advance(Duration.ofSeconds(125));
        vm.resolve("fixed").get();
        assertThat(vm.statusProperty().get()).isEqualTo(IncidentStatus.RESOLVED);
        clock.advance(Duration.ofMinutes(10));
        vm.tick();
        assertThat(vm.elapsedProperty().get()).isEqualTo("2:05");

        assertThatThrownBy(() -> vm.note("too late").get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IncidentResolvedException.class);
        vm.reopen("errors came back").get();
        assertThat(vm.resolvedProperty().get()).isFalse();
        vm.note("looking again").get();
        vm.tick();
        assertThat(vm.elapsedProperty().get()).isEqualTo("12:05");
        assertThat(journal()).containsSubsequence(new IncidentEvent.Resolved("fixed", "jana"),
                new IncidentEvent.Reopened("errors came back", "jana"), new IncidentEvent.NoteAdded("looking again",
                        "jana")).doesNotContain(new IncidentEvent.NoteAdded("too late", "jana"));
    }

    @Test
    void resolving_while_a_check_is_critical_asks_first() {
        assertThat(console(DRILL, "root", List.of("drill-web-01 api-health")).resolveWarning())
                .isEqualTo("Still CRITICAL: drill-web-01 api-health. Resolve anyway?");
        assertThat(console(DRILL, "root", List.of()).resolveWarning()).isNull();
    }

    @Test
    void a_drill_console_never_offers_nor_resumes_a_production_incident() throws Exception {
        drillAndProductionCannotMix(DRILL, PRODUCTION, "DRILL");
    }

    @Test
    void a_production_console_never_offers_nor_resumes_a_drill_incident() throws Exception {
        drillAndProductionCannotMix(PRODUCTION, DRILL, "PRODUCTION");
    }

    private void drillAndProductionCannotMix(IncidentBinding here, IncidentBinding there, String hereLabel)
            throws Exception {
        console(there, "root", List.of()).start("elsewhere", "x", Severity.P1, "jana").get();
        String other = current.get().id();
        current.get().close();
        current.set(null);
        IncidentBarViewModel vm = console(here, "root", List.of());
        List<IncidentStore.Candidate> listed = vm.candidates().get();
        assertThat(listed).singleElement().satisfies(c -> {
            assertThat(c.resumable()).isFalse();
            assertThat(c.refusal()).contains("this console is on " + hereLabel);
        });
        assertThatThrownBy(() -> vm.resume(other, "jana").get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IncidentMismatchException.class);
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(current.get()).isNull();
    }
}
