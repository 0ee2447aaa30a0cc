package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.incidentconsole.incident.CommsHistory;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.inventory.ChannelKind;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.inventory.NotifySettings;
import org.incidentconsole.inventory.StatusPageSettings;
import org.incidentconsole.notify.Attempt;
import org.incidentconsole.notify.Delivery;
import org.incidentconsole.notify.DeliveryState;
import org.incidentconsole.notify.DeliveryUpdate;
import org.incidentconsole.notify.Sender;
import org.incidentconsole.notify.StatusPhase;
import org.incidentconsole.report.CommsTemplate;
import org.incidentconsole.report.RecordSource;
import org.incidentconsole.report.ReportRenderer;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.HandClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 21: a message journaled, then delivered, each channel's result journaled, over a real journal. */
class CommsServiceTest {
    private static final String SECRET = "Zq8xHunter2Secret";
    @TempDir
    Path dir;
    private final HandClock clock = new HandClock(Instant.parse("2026-11-24T14:00:00Z"));
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final NotifySettings notify = new NotifySettings(Duration.ofMinutes(5), List.of(
            new NotifyChannel("ops", ChannelKind.SLACK, 4, "OPS_HOOK", null, null),
            new NotifyChannel("eng", ChannelKind.MATTERMOST, 5, "ENG_HOOK", null, null)), null);
    private final SteppedCourier courier = new SteppedCourier(clock);
    private IncidentSession session;
    private final List<DeliveryUpdate> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        session = new IncidentStore(dir, clock).start("Checkout fails", "alert", Severity.P1, "drill", "jana", null,
                "UTC");
    }

    @AfterEach
    void close() throws Exception {
        session.close();
        io.shutdownNow();
        assertThat(io.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** {@code statusPage} non-null: the inventory has a status page, and this is its sender. */
    private CommsService service(Map<String, Sender> byName, Sender statusPage) {
        Function<NotifyChannel, Sender> senders = c -> byName.get(c.name());
        NotifySettings settings = statusPage == null ? notify : new NotifySettings(notify.updateEvery(),
                notify.channels(), new StatusPageSettings(URI.create("https://api.statuspage.io/v1"), "kctbh9vrtdwd",
                "STATUSPAGE_TOKEN", Map.of("API", "8kbf7d35c070"), 9));
        return new CommsService(() -> session, () -> settings, senders, page -> statusPage, courier, io, clock);
    }

    private List<IncidentEvent> journal() throws Exception {
        return JournalReader.read(session.journalFile()).records().stream().map(r -> r.data()).toList();
    }

    @Test
    void the_message_is_journaled_first_then_each_channels_result_and_the_report_lists_them() throws Exception {
        AnsweringSender ops = new AnsweringSender("ops", Attempt.delivered(200, "ok"));
        AnsweringSender eng = new AnsweringSender("eng", Attempt.failed(404, "no_service"));
        CommsService comms = service(Map.of("ops", ops, "eng", eng), null);
        CommsTemplate.Filled initial = comms.fill(CommsTemplate.INITIAL);
        assertThat(initial.text()).contains("Next update by 14:05.");

        session.handOver("omar").get();
        Delivery d = comms.send("initial", initial.subject(), initial.text(), List.of("ops", "eng"), null, seen::add)
                .get(30, TimeUnit.SECONDS);
        List<DeliveryUpdate> last = d.finished().get(30, TimeUnit.SECONDS);

        assertThat(last).extracting(DeliveryUpdate::channel, DeliveryUpdate::state).containsExactly(
                tuple("ops", DeliveryState.DELIVERED), tuple("eng", DeliveryState.FAILED));
        assertThat(seen).extracting(DeliveryUpdate::state).contains(DeliveryState.SENDING, DeliveryState.DELIVERED,
                DeliveryState.FAILED);
        List<IncidentEvent> events = journal(); // finished() completes once the results are on disk
        IncidentEvent.MessagePosted posted = events.stream().filter(IncidentEvent.MessagePosted.class::isInstance)
                .map(IncidentEvent.MessagePosted.class::cast).findFirst().orElseThrow();
        assertThat(posted).isEqualTo(new IncidentEvent.MessagePosted(posted.id(), "initial", initial.subject(),
                initial.text(), List.of("ops", "eng"), null, "omar"));
        assertThat(events.subList(events.indexOf(posted) + 1, events.size())).containsExactly(
                new IncidentEvent.MessageDelivery(posted.id(), "ops", "delivered", 200, "ok", 1, null),
                new IncidentEvent.MessageDelivery(posted.id(), "eng", "failed", 404, "no_service", 1, null));
        assertThat(ops.received.get(0).text()).isEqualTo(initial.text());
        assertThat(ops.received.get(0).facts()).containsEntry("template", "initial").containsEntry("severity", "P1")
                .containsEntry("operator", "omar").containsEntry("next_update", "14:05");
        assertThat(session.state().comms().lastUpdateAt()).isEqualTo(clock.instant());

        StringWriter report = new StringWriter();
        new ReportRenderer().prepare(RecordSource.journal(session.journalFile())).writeTo(report);
        assertThat(report.toString()).contains("— initial message sent by omar", "- `ops`: delivered at 14:00:00 UTC",
                "- `eng`: failed: no\\_service (status 404)");
    }

    @Test
    void a_pending_retry_the_operator_cancels_is_journaled_as_cancelled_with_the_tries_made() throws Exception {
        AnsweringSender ops = new AnsweringSender("ops", Attempt.retry(429, "rate_limited", Duration.ofSeconds(30)),
                Attempt.retry(503, "unavailable", Duration.ofSeconds(30)));
        CommsService comms = service(Map.of("ops", ops), null);
        Delivery d = comms.send("progress", "s", "Step 2 of 5.", List.of("ops"), null, seen::add)
                .get(30, TimeUnit.SECONDS);
        assertThat(d.finished()).isNotDone();
        assertThat(seen).last().extracting(DeliveryUpdate::state, DeliveryUpdate::retryAt)
                .containsExactly(DeliveryState.WAITING_RETRY, clock.instant().plusSeconds(30));
        io.submit(() -> courier.last.retry("ops")).get(30, TimeUnit.SECONDS);
        d.cancel("ops");
        assertThat(d.finished().get(30, TimeUnit.SECONDS)).extracting(DeliveryUpdate::state)
                .containsExactly(DeliveryState.CANCELLED);
        assertThat(journal()).contains(new IncidentEvent.MessageDelivery(
                session.state().comms().messages().get(0).message().id(), "ops", "cancelled", 503, "unavailable", 2,
                null));
        assertThat(session.state().comms().lastUpdateAt()).as("a message nobody got does not count").isNull();
    }

    @Test
    void the_calling_thread_is_free_while_a_slow_channel_answers() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AnsweringSender ops = new AnsweringSender("ops", go, Attempt.delivered(200, "ok"));
        CommsService comms = service(Map.of("ops", ops), null);
        var sending = comms.send("free", "s", "Database failover under way.", List.of("ops"), null, seen::add);
        IncidentEvent.MessagePosted posted = (IncidentEvent.MessagePosted) session.record(
                new IncidentEvent.NoteAdded("sent while the channel is slow", "jana")).thenApply(r -> journalNow())
                .get(30, TimeUnit.SECONDS).stream().filter(IncidentEvent.MessagePosted.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(posted.template()).isEqualTo("free");
        assertThat(sending).isNotDone(); // the io thread waits on the channel, not this one
        go.countDown();
        sending.get(30, TimeUnit.SECONDS).finished().get(30, TimeUnit.SECONDS);
        assertThat(journal()).contains(new IncidentEvent.MessageDelivery(posted.id(), "ops", "delivered", 200, "ok",
                1, null));
    }

    private List<IncidentEvent> journalNow() {
        try {
            return journal();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void what_goes_out_is_what_the_journal_holds_with_secrets_redacted() throws Exception {
        AnsweringSender ops = new AnsweringSender("ops", Attempt.delivered(200, "ok"));
        CommsService comms = service(Map.of("ops", ops), null);
        comms.send("free", "[P1] PGPASSWORD=" + SECRET, "We rotated PGPASSWORD=" + SECRET + " just now.",
                List.of("ops"), null).get(30, TimeUnit.SECONDS).finished().get(30, TimeUnit.SECONDS);
        assertThat(ops.received.get(0).text()).doesNotContain(SECRET).contains("We rotated");
        assertThat(ops.received.get(0).subject()).doesNotContain(SECRET);
        assertThat(ops.received.get(0).facts().values()).noneMatch(v -> v.contains(SECRET));
        assertThat(Files.readString(session.journalFile())).doesNotContain(SECRET);
    }

    @Test
    void the_status_page_gets_the_phase_and_once_opened_its_incident_ref() throws Exception {
        AnsweringSender page = new AnsweringSender(CommsHistory.STATUS_PAGE,
                Attempt.delivered(201, null, "p31zjtct2jer"));
        CommsService comms = service(Map.of(), page);
        comms.send("initial", "s", "Investigating.", List.of("status-page"), StatusPhase.INVESTIGATING)
                .get(30, TimeUnit.SECONDS).finished().get(30, TimeUnit.SECONDS);
        comms.send("progress", "s", "Identified.", List.of("status-page"), StatusPhase.IDENTIFIED)
                .get(30, TimeUnit.SECONDS).finished().get(30, TimeUnit.SECONDS);
        assertThat(page.received.get(0).facts()).containsEntry("phase", "investigating")
                .doesNotContainKey("status_page_ref");
        assertThat(page.received.get(1).facts()).containsEntry("phase", "identified")
                .containsEntry("status_page_ref", "p31zjtct2jer");
        assertThat(session.state().comms().statusPageRef()).isEqualTo("p31zjtct2jer");
        assertThat(session.state().comms().messages().get(1).message().phase()).isEqualTo("identified");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown channel  | initial  | text | ops pager | no channel named 'pager' under notify: in the inventory"
                    + " (it has ops, eng)",
            "no channel       | initial  | text |           | no channel chosen: choose at least one to send to",
            "unknown template | greeting | text | ops       | no message template 'greeting': use one of initial,"
                    + " progress, rollback, resolved, free",
            "empty text       | progress | '  ' | ops       | the message is empty: write what to tell the team",
            "no status page   | progress | text | ops status-page | no status page is set up under notify: in the"
                    + " inventory"})
    void a_message_that_cannot_go_out_is_refused_in_one_sentence_and_nothing_is_journaled(String why,
            String template, String text, String channels, String message) throws Exception {
        CommsService comms = service(Map.of("ops", new AnsweringSender("ops", Attempt.delivered(200, "ok"))), null);
        int before = journal().size();
        var sent = comms.send(template, "s", text, channels == null ? List.of() : List.of(channels.split(" ")),
                null);
        assertThatThrownBy(() -> sent.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThat(journal()).hasSize(before);
    }
}
