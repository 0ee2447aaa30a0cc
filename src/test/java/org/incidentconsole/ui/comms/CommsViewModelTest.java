package org.incidentconsole.ui.comms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.incidentconsole.notify.DeliveryState;
import org.incidentconsole.notify.DeliveryUpdate;
import org.incidentconsole.notify.StatusPhase;
import org.incidentconsole.report.CommsTemplate;
import org.incidentconsole.testing.HandClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Comms window's behaviour without a toolkit: a gateway of the test's own, executors that run at once. */
class CommsViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-24T14:03:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ScriptedGateway gateway = new ScriptedGateway();
    private final CommsViewModel model = new CommsViewModel(Runnable::run, Runnable::run, gateway, clock);

    @Test
    void opening_lists_every_channel_with_its_kind_presets_the_phase_and_fills_the_initial_alert() {
        model.open().join();

        assertThat(model.channels()).extracting(r -> r.choice().label())
                .containsExactly("ops  (slack)", "eng  (mattermost)", "mail  (email)", "status page");
        assertThat(model.phaseProperty().get()).isEqualTo(StatusPhase.IDENTIFIED);
        assertThat(model.templateProperty().get()).isEqualTo(CommsTemplate.INITIAL);
        assertThat(model.subjectProperty().get()).isEqualTo("[P1] Checkout 500s: initial");
        assertThat(model.textProperty().get()).isEqualTo("We are on it (initial).");
        assertThat(model.statusPageChosenProperty().get()).isFalse();
    }

    @Test
    void send_is_off_without_a_ticked_channel_or_with_an_empty_text_and_on_with_both() {
        model.open().join();
        assertThat(model.canSendProperty().get()).as("no channel").isFalse();

        tick("eng");
        assertThat(model.canSendProperty().get()).isTrue();
        model.textProperty().set("   \n ");
        assertThat(model.canSendProperty().get()).as("blank text").isFalse();
        model.templateProperty().set(CommsTemplate.PROGRESS);
        assertThat(model.canSendProperty().get()).isTrue();
        model.templateProperty().set(CommsTemplate.FREE);
        assertThat(model.textProperty().get()).isEmpty();
        assertThat(model.canSendProperty().get()).as("free text not written yet").isFalse();

        assertThat(model.send().join()).as("a send refused sends nothing").isEmpty();
        assertThat(gateway.sent).isEmpty();
    }

    @Test
    void the_resolved_template_moves_the_status_page_to_resolved_and_others_leave_the_phase_as_chosen() {
        model.open().join();
        model.phaseProperty().set(StatusPhase.MONITORING);
        model.templateProperty().set(CommsTemplate.ROLLBACK);
        assertThat(model.phaseProperty().get()).isEqualTo(StatusPhase.MONITORING);
        model.templateProperty().set(CommsTemplate.RESOLVED);
        assertThat(model.subjectProperty().get()).endsWith("resolved");
        assertThat(model.phaseProperty().get()).isEqualTo(StatusPhase.RESOLVED);
    }

    @Test
    void a_template_that_arrives_after_another_was_chosen_is_dropped() {
        Queued io = new Queued();
        CommsViewModel slow = new CommsViewModel(Runnable::run, io, gateway, clock);
        slow.templateProperty().set(CommsTemplate.PROGRESS);
        slow.templateProperty().set(CommsTemplate.ROLLBACK);
        io.runAll();
        assertThat(slow.textProperty().get()).isEqualTo("We are on it (rollback).");
        assertThat(slow.templateProperty().get()).isEqualTo(CommsTemplate.ROLLBACK);
    }

    @Test
    void preview_shows_each_ticked_channel_with_its_kind_the_status_page_with_its_phase_and_why_one_cannot() {
        model.open().join();
        tick("ops");
        tick("status-page");
        tick("mail");
        gateway.unpreviewable = "mail";
        model.textProperty().set("Rolled back to v41.");

        model.preview().join();

        assertThat(model.previewProperty().get()).isEqualTo("""
                ── ops · slack ──
                ops gets 'Rolled back to v41.'

                ── mail · email ──
                cannot preview: no SMTP host for mail

                ── status-page · status page ──
                status-page gets 'Rolled back to v41.' as identified""");
        assertThat(gateway.previewPhases).containsExactly("ops=null", "status-page=IDENTIFIED");

        model.textProperty().set("Rolled back to v41. Watching errors.");
        assertThat(model.previewProperty().get()).as("a preview of another text is not shown").isEmpty();
    }

    @Test
    void send_follows_each_channel_until_all_settle_and_a_pending_retry_can_be_cancelled() {
        model.open().join();
        tick("ops");
        tick("eng");
        tick("status-page");
        model.phaseProperty().set(StatusPhase.MONITORING);

        CompletableFuture<List<DeliveryUpdate>> sent = model.send();

        assertThat(gateway.sent).containsExactly("[ops, eng, status-page] as MONITORING: [P1] Checkout 500s: "
                + "initial / We are on it (initial).");
        assertThat(model.sendingProperty().get()).isTrue();
        assertThat(model.canSendProperty().get()).as("no second send while one is under way").isFalse();
        assertThat(model.deliveries()).extracting(DeliveryRow::channel).containsExactly("ops", "eng", "status-page");
        assertThat(model.deliveries()).extracting(r -> r.textProperty().get()).containsOnly("sending…");

        gateway.update(new DeliveryUpdate("ops", DeliveryState.DELIVERED, 1, 200, "ok", NOW.plusSeconds(7), null,
                null));
        gateway.update(new DeliveryUpdate("eng", DeliveryState.WAITING_RETRY, 1, 429, "rate_limited", NOW,
                NOW.plusSeconds(30), null));
        gateway.update(new DeliveryUpdate("status-page", DeliveryState.FAILED, 1, 401, "unauthorized", NOW, null,
                null));
        assertThat(row("ops")).isEqualTo("delivered at 14:03:07");
        assertThat(row("eng")).isEqualTo("waiting to retry in 30 s: 429 rate_limited");
        assertThat(row("status-page")).isEqualTo("failed: 401 unauthorized");
        assertThat(model.deliveries()).extracting(r -> r.cancellableProperty().get())
                .containsExactly(false, true, false);

        model.cancel("eng");
        assertThat(gateway.cancelled).containsExactly("eng");
        gateway.update(new DeliveryUpdate("eng", DeliveryState.CANCELLED, 1, 429, "rate_limited", NOW, null, null));
        assertThat(sent).isNotDone();
        gateway.finish();

        assertThat(sent.join()).extracting(DeliveryUpdate::state)
                .containsExactly(DeliveryState.DELIVERED, DeliveryState.CANCELLED, DeliveryState.FAILED);
        assertThat(row("eng")).isEqualTo("cancelled");
        assertThat(model.sendingProperty().get()).isFalse();
        assertThat(model.canSendProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("Done: 1 delivered, 1 failed, 1 cancelled.");
    }

    @Test
    void a_send_the_gateway_refuses_says_why_in_one_sentence_and_leaves_no_rows() {
        model.open().join();
        tick("ops");
        gateway.refuse = "no webhook URL for ops: set OPS_SLACK_WEBHOOK";

        model.send().exceptionally(err -> null).join();

        assertThat(model.deliveries()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Not sent: no webhook URL for ops: set OPS_SLACK_WEBHOOK");
        assertThat(model.sendingProperty().get()).isFalse();
    }

    @Test
    void a_pending_retry_counts_down_each_second() {
        HandClock clock = new HandClock(NOW);
        CommsViewModel ticking = new CommsViewModel(Runnable::run, Runnable::run, gateway, clock);
        ticking.open().join();
        ticking.channels().get(0).selectedProperty().set(true);
        ticking.send();
        gateway.update(new DeliveryUpdate("ops", DeliveryState.WAITING_RETRY, 2, 503, "", NOW, NOW.plusSeconds(20),
                null));
        assertThat(ticking.deliveries().get(0).textProperty().get()).isEqualTo("waiting to retry in 20 s: 503");
        clock.advance(Duration.ofSeconds(12));
        ticking.tick();
        assertThat(ticking.deliveries().get(0).textProperty().get()).isEqualTo("waiting to retry in 8 s: 503");
    }

    @Test
    void copy_gives_the_text_for_the_clipboard_and_journals_it_with_its_template() {
        model.open().join();
        model.templateProperty().set(CommsTemplate.PROGRESS);
        model.textProperty().set("Step 3 of 7: clearing caches.");

        assertThat(model.copy()).isEqualTo("Step 3 of 7: clearing caches.");
        assertThat(gateway.copied).containsExactly("progress: Step 3 of 7: clearing caches.");
        assertThat(model.messageProperty().get()).isEqualTo("Progress update copied to the clipboard (journaled).");

        model.textProperty().set(" ");
        assertThat(model.copy()).isNull();
        assertThat(gateway.copied).hasSize(1);
    }

    @Test
    void opening_again_keeps_the_ticks_of_channels_still_there_and_the_text_being_edited() {
        model.open().join();
        tick("eng");
        tick("mail");
        model.textProperty().set("my own words");
        gateway.channels.remove(new ChannelChoice("mail", "email"));

        model.open().join();

        assertThat(model.channels()).extracting(ChannelRow::name).containsExactly("ops", "eng", "status-page");
        assertThat(model.channels()).extracting(r -> r.selectedProperty().get()).containsExactly(false, true, false);
        assertThat(model.textProperty().get()).isEqualTo("my own words");
    }

    @ParameterizedTest(name = "{0} try {1} ({2} {3}, retry in {4} s) → {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "SENDING       | 1 | -   | -               | - | sending…",
            "SENDING       | 3 | 503 | busy            | - | sending (try 3)…",
            "WAITING_RETRY | 1 | 429 | rate_limited    | 5 | waiting to retry in 5 s: 429 rate_limited",
            "WAITING_RETRY | 2 | -   | connection reset| 0 | waiting to retry now: connection reset",
            "WAITING_RETRY | 1 | -   | -               | - | waiting to retry: no answer",
            "DELIVERED     | 1 | 200 | ok              | - | delivered at 14:03:00",
            "DELIVERED     | 2 | 204 | -               | - | delivered at 14:03:00 after 2 tries",
            "FAILED        | 1 | 400 | invalid_payload | - | failed: 400 invalid_payload",
            "FAILED        | 1 | 535 | -               | - | failed: 535",
            "FAILED        | 4 | 503 | gave up         | - | failed: 503 gave up after 4 tries",
            "CANCELLED     | 1 | 429 | rate_limited    | - | cancelled"})
    void a_delivery_reads_as_the_operator_needs_it(DeliveryState state, int attempt, Integer status, String reason,
                                                   Integer retryIn, String expected) {
        DeliveryUpdate u = new DeliveryUpdate("ops", state, attempt, status, reason, NOW,
                retryIn == null ? null : NOW.plusSeconds(retryIn), null);
        assertThat(DeliveryRow.describe(u, NOW, ZoneOffset.UTC)).isEqualTo(expected);
    }

    private void tick(String channel) {
        model.channels().stream().filter(r -> r.name().equals(channel)).findFirst().orElseThrow()
                .selectedProperty().set(true);
    }

    private String row(String channel) {
        return model.deliveries().stream().filter(r -> r.channel().equals(channel)).findFirst().orElseThrow()
                .textProperty().get();
    }

    /** io that runs only when the test says: results that arrive late. */
    private static final class Queued implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }
}
