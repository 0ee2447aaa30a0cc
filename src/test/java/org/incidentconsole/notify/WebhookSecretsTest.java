package org.incidentconsole.notify;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.inventory.ChannelKind;
import org.incidentconsole.inventory.WebhookShape;
import org.incidentconsole.notify.LoopbackWebhookServer.Answer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Generated webhook URLs and header tokens, and servers that echo them back in their error bodies: no secret may
 * appear in an attempt, an update, a preview or a log line (the seed is in every failure message).
 */
class WebhookSecretsTest {
    @Test
    void no_generated_secret_reaches_an_update_a_preview_or_the_log() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String slackPath = "/services/T" + TestChannels.token(random, 8) + "/B" + TestChannels.token(random, 8)
                + "/" + TestChannels.token(random, 24);
        String discordPath = "/api/webhooks/" + (100000000 + random.nextInt(899999999)) + "/"
                + TestChannels.token(random, 40);
        String teamsSig = TestChannels.token(random, 32);
        String auth = "Bearer " + TestChannels.token(random, 30);
        String hookPath = "/v2/" + TestChannels.token(random, 20);
        List<String> secrets = List.of(slackPath, discordPath, teamsSig, auth, auth.substring(7), hookPath,
                slackPath.substring(slackPath.lastIndexOf('/') + 1), discordPath.substring(discordPath.lastIndexOf('/') + 1));

        Logger root = (Logger) LoggerFactory.getLogger("org.incidentconsole");
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        root.setLevel(Level.DEBUG);
        ExecutorService io = Executors.newCachedThreadPool();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        // each server tells back the URL it was called on and the Authorization it got, as careless servers do
        try (var echo = LoopbackWebhookServer.echoing(r -> Answer.of(r.path().startsWith("/api") ? 404 : 400,
                "{\"message\": \"bad hook " + r.path() + "?" + r.query() + " auth=" + r.header("Authorization")
                        + "\"}"));
             var slack = LoopbackWebhookServer.echoing(r -> Answer.of(403, "invalid_token " + r.path()))) {
            TestChannels env = new TestChannels()
                    .set("OPS_SLACK_WEBHOOK", slack.base() + slackPath)
                    .set("ENG_MM_WEBHOOK", echo.base() + slackPath.replace("/services", "/hooks"))
                    .set("LEADS_TEAMS_WORKFLOW", echo.base() + "/workflows/1/invoke?api-version=1&sig=" + teamsSig)
                    .set("COMMUNITY_DISCORD_WEBHOOK", echo.base() + discordPath)
                    .set("PAGER_HOOK_URL", echo.base() + hookPath)
                    .set("PAGER_AUTH_HEADER", auth);
            List<Sender> senders = List.of(env.sender("ops", ChannelKind.SLACK, "OPS_SLACK_WEBHOOK"),
                    env.sender("eng", ChannelKind.MATTERMOST, "ENG_MM_WEBHOOK"),
                    env.sender("leads", ChannelKind.TEAMS, "LEADS_TEAMS_WORKFLOW"),
                    env.sender("community", ChannelKind.DISCORD, "COMMUNITY_DISCORD_WEBHOOK"),
                    env.sender(TestChannels.webhook("pager", "PAGER_HOOK_URL", new WebhookShape("POST", Map.of(),
                            Map.of("Authorization", "PAGER_AUTH_HEADER"), "{\"summary\": {{text}}}")),
                            Duration.ofSeconds(10)));
            Outgoing message = TestChannels.message("P2 payments", "Payments degraded; rolled back.");
            ConcurrentLinkedQueue<DeliveryUpdate> updates = new ConcurrentLinkedQueue<>();

            List<DeliveryUpdate> last = new RetryingCourier(io, scheduler, Clock.systemUTC(), RetryPolicy.defaults())
                    .send(message, senders, updates::add).finished().get(60, TimeUnit.SECONDS);

            assertThat(last).extracting(DeliveryUpdate::state).as("seed %d", seed).containsOnly(DeliveryState.FAILED);
            assertThat(last.get(0).reason()).as("seed %d", seed).startsWith("403 invalid_token …: the webhook's "
                    + "token is no longer valid");
            List<String> produced = new ArrayList<>();
            updates.forEach(u -> produced.add(u.toString()));
            senders.forEach(s -> produced.add(s.preview(message)));
            senders.forEach(s -> produced.add(s.toString()));
            log.list.forEach(e -> produced.add(e.getFormattedMessage()));
            assertThat(log.list).as("the log says what happened").isNotEmpty();
            for (String text : produced) {
                for (String secret : secrets) {
                    assertThat(text).as("seed %d: %s", seed, text).doesNotContain(secret);
                }
            }
        } finally {
            root.detachAppender(log);
            root.setLevel(before);
            io.shutdownNow();
            scheduler.shutdownNow();
        }
    }
}
