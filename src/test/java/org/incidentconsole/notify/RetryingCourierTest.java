package org.incidentconsole.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.inventory.ChannelKind;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.notify.LoopbackWebhookServer.Answer;
import org.incidentconsole.notify.LoopbackWebhookServer.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many channels at once, each with its own retries, waits and cancel, against loopback webhook servers. */
class RetryingCourierTest {
    private final ExecutorService io = Executors.newCachedThreadPool();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<DeliveryUpdate> updates = new LinkedBlockingQueue<>();
    private final TestChannels env = new TestChannels();
    private final Outgoing message = TestChannels.message("P1 checkout", "Rolled back checkout to v1.");

    @AfterEach
    void stop() {
        io.shutdownNow();
        scheduler.shutdownNow();
    }

    private RetryingCourier courier(RetryPolicy policy) {
        return new RetryingCourier(io, scheduler, Clock.systemUTC(), policy);
    }

    @Test
    void a_429_is_retried_no_sooner_than_its_retry_after_then_delivered() throws Exception {
        try (var slack = LoopbackWebhookServer.answering(Answer.of(429, "rate_limited", "Retry-After", "1"),
                Answer.of(200, "ok"))) {
            env.set("OPS_SLACK_WEBHOOK", slack.base() + "/services/T1/B2/abcdefghijkl");
            Delivery d = courier(RetryPolicy.defaults()).send(message,
                    List.of(env.sender("ops", ChannelKind.SLACK, "OPS_SLACK_WEBHOOK")), updates::add);

            List<DeliveryUpdate> last = d.finished().get(30, TimeUnit.SECONDS);
            Received first = slack.next();
            Received second = slack.next();
            long gapMs = TimeUnit.NANOSECONDS.toMillis(second.nanos() - first.nanos());
            assertThat(gapMs).as("ms between the 429 and the retry").isGreaterThanOrEqualTo(1000);
            assertThat(second.body()).isEqualTo(first.body());

            List<DeliveryUpdate> seen = taken(4);
            assertThat(seen).extracting(DeliveryUpdate::state).containsExactly(DeliveryState.SENDING,
                    DeliveryState.WAITING_RETRY, DeliveryState.SENDING, DeliveryState.DELIVERED);
            DeliveryUpdate waiting = seen.get(1);
            assertThat(waiting.reason()).isEqualTo("429 rate_limited: rate limited");
            assertThat(Duration.between(waiting.at(), waiting.retryAt())).isEqualTo(Duration.ofSeconds(1));
            assertThat(seen).extracting(DeliveryUpdate::attempt).containsExactly(1, 1, 2, 2);
            assertThat(last).containsExactly(seen.get(3));
            assertThat(seen.get(3).reason()).isEqualTo("200 ok: delivered");
        }
    }

    @Test
    void channels_settle_independently_one_delivered_one_failed_in_the_senders_order() throws Exception {
        try (var teams = LoopbackWebhookServer.answering(Answer.of(202, ""));
             var slack = LoopbackWebhookServer.answering(Answer.of(404, "no_service"))) {
            env.set("LEADS", teams.base() + "/workflows/x").set("OPS", slack.base() + "/services/gone");
            Delivery d = courier(RetryPolicy.defaults()).send(message, List.of(
                    env.sender("ops", ChannelKind.SLACK, "OPS"), env.sender("leads", ChannelKind.TEAMS, "LEADS")),
                    updates::add);

            List<DeliveryUpdate> last = d.finished().get(30, TimeUnit.SECONDS);
            assertThat(last).extracting(DeliveryUpdate::channel).containsExactly("ops", "leads");
            assertThat(last).extracting(DeliveryUpdate::state).containsExactly(DeliveryState.FAILED,
                    DeliveryState.DELIVERED);
            assertThat(last.get(0).reason()).isEqualTo("404 no_service: the webhook was removed or its app disabled: "
                    + "make a new one");
            assertThat(last.get(0).attempt()).as("a 404 is not retried").isEqualTo(1);
        }
    }

    @Test
    void cancel_ends_a_pending_retry_at_once_and_nothing_more_is_sent() throws Exception {
        try (var slack = LoopbackWebhookServer.answering(Answer.of(503, "", "Retry-After", "120"))) {
            env.set("OPS_SLACK_WEBHOOK", slack.base() + "/services/T1/B2/abcdefghijkl");
            Delivery d = courier(RetryPolicy.defaults()).send(message,
                    List.of(env.sender("ops", ChannelKind.SLACK, "OPS_SLACK_WEBHOOK")), updates::add);
            assertThat(take().state()).isEqualTo(DeliveryState.SENDING);
            DeliveryUpdate waiting = take();
            assertThat(waiting.state()).isEqualTo(DeliveryState.WAITING_RETRY);
            assertThat(Duration.between(waiting.at(), waiting.retryAt())).isEqualTo(Duration.ofSeconds(120));

            d.cancel("ops");

            assertThat(d.finished()).isDone();
            DeliveryUpdate cancelled = d.finished().get().get(0);
            assertThat(cancelled.state()).isEqualTo(DeliveryState.CANCELLED);
            assertThat(cancelled.reason()).isEqualTo("cancelled by the operator");
            assertThat(cancelled.status()).isEqualTo(503);
            assertThat(take()).isEqualTo(cancelled);
            slack.next();
            assertThat(slack.drain()).isEmpty();
            d.cancel("ops");
            assertThat(updates).as("a second cancel changes nothing").isEmpty();
        }
    }

    @Test
    void a_server_that_never_answers_is_retried_then_failed_after_the_last_attempt() throws Exception {
        try (var silent = LoopbackWebhookServer.silent()) {
            env.set("OPS_SLACK_WEBHOOK", silent.base() + "/services/T1/B2/abcdefghijkl");
            Sender slack = env.sender(new NotifyChannel("ops", ChannelKind.SLACK, 1, "OPS_SLACK_WEBHOOK", null,
                    null), Duration.ofMillis(300));
            RetryPolicy small = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ZERO);
            Delivery d = courier(small).send(message, List.of(slack), updates::add);

            DeliveryUpdate last = d.finished().get(60, TimeUnit.SECONDS).get(0);
            assertThat(last.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(last.reason()).isEqualTo("gave up after 3 attempts: no answer within 300 ms");
            assertThat(last.attempt()).isEqualTo(3);
            List<DeliveryUpdate> seen = taken(6);
            assertThat(seen).extracting(DeliveryUpdate::state).containsExactly(DeliveryState.SENDING,
                    DeliveryState.WAITING_RETRY, DeliveryState.SENDING, DeliveryState.WAITING_RETRY,
                    DeliveryState.SENDING, DeliveryState.FAILED);
            assertThat(Duration.between(seen.get(1).at(), seen.get(1).retryAt())).isEqualTo(Duration.ofMillis(50));
            assertThat(Duration.between(seen.get(3).at(), seen.get(3).retryAt())).isEqualTo(Duration.ofMillis(100));
            for (int i = 0; i < 3; i++) {
                silent.next();
            }
        }
    }

    @Test
    void send_returns_before_any_answer_and_a_channel_failing_at_once_does_not_wait_for_the_others()
            throws Exception {
        try (var silent = LoopbackWebhookServer.silent()) {
            env.set("SLOW", silent.base() + "/hook");
            Delivery d = courier(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)).send(message,
                    List.of(env.sender(new NotifyChannel("slow", ChannelKind.MATTERMOST, 1, "SLOW", null, null),
                            Duration.ofSeconds(1)), env.sender("unset", ChannelKind.DISCORD, "UNSET_DISCORD")),
                    updates::add);
            assertThat(d.finished()).isNotDone();
            silent.next();
            DeliveryUpdate unset = waitFor("unset", DeliveryState.FAILED);
            assertThat(unset.reason()).isEqualTo("no webhook URL: set UNSET_DISCORD");
            assertThat(d.finished()).isNotDone();
            d.cancel("slow");
            assertThat(waitFor("slow", DeliveryState.CANCELLED).reason())
                    .startsWith("cancelled by the operator after: ");
        }
    }

    private DeliveryUpdate waitFor(String channel, DeliveryState state) throws InterruptedException {
        while (true) {
            DeliveryUpdate u = take();
            if (u.channel().equals(channel) && u.state() == state) {
                return u;
            }
        }
    }

    private DeliveryUpdate take() throws InterruptedException {
        DeliveryUpdate u = updates.poll(60, TimeUnit.SECONDS);
        assertThat(u).as("an update within 60 s").isNotNull();
        return u;
    }

    private List<DeliveryUpdate> taken(int n) throws InterruptedException {
        List<DeliveryUpdate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(take());
        }
        return out;
    }
}
