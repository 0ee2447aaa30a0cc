package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.incidentconsole.incident.CommsCadence;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.report.CommsTemplate;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.HandClock;
import org.incidentconsole.ui.incident.IncidentBarViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21: the bar says when the next comms update is due and turns amber once it is overdue. */
class IncidentBarCadenceTest {
    @TempDir
    Path dir;
    private final AtomicReference<IncidentSession> current = new AtomicReference<>();
    private final HandClock clock = new HandClock(Instant.parse("2026-11-24T13:00:00Z"));

    @AfterEach
    void close() {
        if (current.get() != null) {
            current.get().close();
        }
    }

    private IncidentBarViewModel bar() {
        IncidentStore store = new IncidentStore(dir, clock);
        return new IncidentBarViewModel(Runnable::run, Runnable::run, new StoreGateway(store,
                new IncidentBinding("drill", null, null), List.of(), current), clock, "jana");
    }

    private void sent(String id, String template, String result) throws Exception {
        current.get().record(new IncidentEvent.MessagePosted(id, template, "s", "t", List.of("ops"), null, "jana"))
                .get();
        current.get().record(new IncidentEvent.MessageDelivery(id, "ops", result, 200, "ok", 1, null)).get();
    }

    private void at(Duration later, IncidentBarViewModel vm) {
        clock.advance(later);
        vm.tick();
    }

    @Test
    void nothing_before_the_initial_alert_then_the_next_update_then_overdue_in_amber_until_resolved()
            throws Exception {
        IncidentBarViewModel vm = bar();
        vm.setUpdateEvery(Duration.ofMinutes(5));
        vm.start("Checkout fails", "alert", Severity.P1, "jana").get();
        assertThat(vm.nextUpdateProperty().get()).isEmpty();
        assertThat(vm.cadenceProperty().get()).isEqualTo(CommsCadence.Level.NONE);

        at(Duration.ofMinutes(2), vm);
        sent("m1", "initial", "delivered");
        at(Duration.ZERO, vm);
        assertThat(vm.nextUpdateProperty().get()).isEqualTo("Next update 13:07");
        assertThat(vm.cadenceProperty().get()).isEqualTo(CommsCadence.Level.DUE);

        at(Duration.ofMinutes(8), vm); // 13:10, due at 13:07
        assertThat(vm.nextUpdateProperty().get()).isEqualTo("Update overdue 3 min");
        assertThat(vm.cadenceProperty().get()).isEqualTo(CommsCadence.Level.OVERDUE);

        sent("m2", "progress", "failed");
        at(Duration.ZERO, vm);
        assertThat(vm.cadenceProperty().get()).as("a progress update nobody got").isEqualTo(
                CommsCadence.Level.OVERDUE);
        sent("m3", "progress", "delivered");
        at(Duration.ZERO, vm);
        assertThat(vm.nextUpdateProperty().get()).isEqualTo("Next update 13:15");

        vm.setUpdateEvery(Duration.ofMinutes(15)); // the inventory reloaded with another interval
        assertThat(vm.nextUpdateProperty().get()).isEqualTo("Next update 13:25");

        vm.resolve("fixed").get();
        at(Duration.ofHours(1), vm);
        assertThat(vm.nextUpdateProperty().get()).isEmpty();
        assertThat(vm.cadenceProperty().get()).isEqualTo(CommsCadence.Level.NONE);
    }

    @Test
    void a_filled_template_promises_the_next_update_one_interval_from_now() throws Exception {
        IncidentBarViewModel vm = bar();
        vm.setUpdateEvery(Duration.ofMinutes(5));
        vm.start("Checkout fails", "alert", Severity.P1, "jana").get();
        CommsTemplate.Filled progress = vm.fill(CommsTemplate.PROGRESS, 2, 9, "Switch to the stable release");
        assertThat(progress.subject()).isEqualTo("[P1] Checkout fails: update");
        assertThat(progress.text()).contains("Where we are: step 2 of 9, Switch to the stable release",
                "Next update by 13:05.");
        assertThat(vm.fill(CommsTemplate.FREE, 0, 0, "")).isEqualTo(new CommsTemplate.Filled("[P1] Checkout fails", ""));
    }
}
